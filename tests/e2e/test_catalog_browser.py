import re

import pytest
from playwright.sync_api import expect

from catalog.models import Vendor
from tests.factories import make_curator

pytestmark = pytest.mark.e2e


def test_browse_filter_and_open_a_vendor(page, live_catalog):
    page.goto(f"{live_catalog.url}/catalog/")
    expect(page).to_have_url(re.compile(r"/id/catalog/$"))
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.locator("#result-count")).to_contain_text("10")

    page.get_by_label("Layanan", exact=True).select_option("telecollection")
    page.get_by_role("button", name="Terapkan filter").click()
    expect(page).to_have_url(re.compile(r"service=telecollection"))
    expect(page.locator(".vendor-card")).to_have_count(1)

    page.get_by_role("link", name="Smart BPO Indonesia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Smart BPO Indonesia")
    expect(page.locator("dl.facts")).to_contain_text("belum diverifikasi")

    page.get_by_role("link", name=re.compile("^EN")).click()
    expect(page).to_have_url(re.compile(r"/en/catalog/smart-bpo-indonesia/$"))
    expect(page.locator("dl.facts")).to_contain_text("not verified")
    assert page.console_errors == []


def test_curator_adds_a_vendor_that_appears_in_the_catalog(page, live_catalog):
    make_curator(username="cura", password="s3cret-pass-word")
    page.goto(f"{live_catalog.url}/en/admin/catalog/vendor/add/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Username").fill("cura")
    page.get_by_label("Password").fill("s3cret-pass-word")
    page.get_by_role("button", name="Log in").click()

    page.locator("#id_name").press_sequentially("Nusantara Care Center")
    expect(page.locator("#id_slug")).to_have_value("nusantara-care-center")
    page.locator("#id_delivery_countries").select_option("ID")
    page.locator(".field-services .select2-search__field").fill("Payroll")
    page.locator(".select2-results__option", has_text="Payroll").first.click()
    page.locator("#id_coverage").select_option("24_7")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    vendor = Vendor.objects.get(slug="nusantara-care-center")
    assert [s.slug for s in vendor.services.all()] == ["payroll"]

    page.goto(f"{live_catalog.url}/en/catalog/?service=payroll")
    page.get_by_role("link", name="Nusantara Care Center").click()
    expect(page.locator("dl.facts")).to_contain_text("24/7")
    assert page.console_errors == []


def test_on_a_phone_the_vendors_come_first_and_the_filters_fold(browser, live_catalog):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    page = context.new_page()
    page.goto(f"{live_catalog.url}/en/catalog/")
    first_vendor = page.locator(".vendor-card").first
    expect(first_vendor).to_be_in_viewport()
    expect(page.locator("#filter-form")).to_be_hidden()
    toggle = page.locator("#filter-toggle")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(page.locator("#filter-form")).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    # Opened all the way (the panel slides open; a busy machine can be mid-slide here).
    expect(page.locator("#filter-panel")).to_have_class(re.compile(r"(^|\s)show(\s|$)"))
    page.get_by_label("Service", exact=True).select_option("telecollection")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".vendor-card")).to_have_count(1)
    # The button says how many filters are on, the list is still first.
    expect(page.get_by_role("button", name="Filter (1)")).to_be_visible()
    expect(page.locator(".vendor-card").first).to_be_in_viewport()
    context.close()


def test_on_a_wide_screen_the_filters_stand_beside_the_list(page, live_catalog):
    page.goto(f"{live_catalog.url}/en/catalog/")
    expect(page.locator("#filter-form")).to_be_visible()
    expect(page.locator("#filter-toggle")).to_be_hidden()
