"""The questionnaire in a real Chromium: money as people type it, Enter, Back, errors."""

import re

import pytest
from playwright.sync_api import expect

from assessment.models import Assessment

pytestmark = pytest.mark.e2e


def _radio(page, name, value):
    page.locator(f'input[name="{name}"][value="{value}"]').check()


def _to_constraints(page, url):
    page.goto(f"{url}/id/assess/?new=1")
    page.locator("#id_industry").select_option("ecommerce_retail")
    page.locator("#id_name").fill("PT Ritel Nusantara")
    page.locator("#id_name").press("Enter")  # Enter moves forward, never back
    expect(page).to_have_url(re.compile(r"/id/assess/services/$"))
    page.locator("#svc-customer_service").check()
    page.locator("#svc-customer_service").press("Enter")
    expect(page).to_have_url(re.compile(r"/id/assess/work/$"))
    for name, value in (
        ("process_definition", "predefined"),
        ("expertise", "basic"),
        ("customer_contact", "direct"),
        ("driver", "cost"),
        ("core_to_business", "no"),
    ):
        _radio(page, name, value)
    page.locator("#id_fte").fill("600")
    page.locator("#id_fte").press("Enter")
    expect(page).to_have_url(re.compile(r"/id/assess/priorities/$"))
    page.locator("button[name=next]").click()
    expect(page).to_have_url(re.compile(r"/id/assess/constraints/$"))
    page.locator('input[name="data_sensitivity"][value="internal"]').check()


def test_an_indonesian_budget_reaches_the_result_unchanged(page, live_catalog):
    _to_constraints(page, live_catalog.url)
    page.locator("#id_monthly_budget_idr").fill("75.000.000")
    page.locator("#id_monthly_budget_idr").press("Enter")
    # The review restates the budget as it will be used, before anything is made.
    expect(page).to_have_url(re.compile(r"/id/assess/review/$"))
    expect(page.locator("main")).to_contain_text("Rp\u00a075.000.000")
    page.locator("#get-recommendation").click()
    expect(page).to_have_url(re.compile(r"/id/assess/r/[\w-]{43}/$"))
    assert Assessment.objects.get().answers["constraints"]["monthly_budget_idr"] == 75_000_000
    page.locator("#answers-heading").click()
    expect(page.locator("#answers-summary")).to_contain_text("Rp\u00a075.000.000")
    expect(page.locator("#answers-summary")).to_contain_text("600")

    # Browser Back lands on the review; change the budget only, from there, and submit again.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/id/assess/review/$"))
    page.locator(".change-link", has_text="Batasan").click()
    expect(page.locator("#id_monthly_budget_idr")).to_have_value(
        "Rp\u00a075.000.000".replace("Rp\u00a0", "")
    )
    page.locator("#id_monthly_budget_idr").fill("90 juta")
    page.locator("button[name=next]").click()
    expect(page).to_have_url(re.compile(r"/id/assess/review/$"))
    expect(page.locator("main")).to_contain_text("Rp\u00a090.000.000")
    page.locator("#get-recommendation").click()
    expect(page).to_have_url(re.compile(r"/id/assess/r/[\w-]{43}/$"))
    newest = Assessment.objects.order_by("-pk").first()
    assert newest.answers["constraints"]["monthly_budget_idr"] == 90_000_000
    assert newest.answers["organisation"]["name"] == "PT Ritel Nusantara"
    assert page.console_errors == []


def test_an_ambiguous_budget_is_explained_and_the_error_link_moves_focus(page, live_catalog):
    _to_constraints(page, live_catalog.url)
    page.locator("#id_monthly_budget_idr").fill("75,000")
    page.locator("button[name=next]").click()
    expect(page).to_have_title(re.compile(r"^Galat: "))
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("dapat dibaca dengan dua cara")
    summary.locator("a").first.click()
    expect(page.locator("#id_monthly_budget_idr")).to_be_focused()
    expect(page.locator("#id_monthly_budget_idr")).to_have_value("75,000")
    assert not Assessment.objects.exists()
    assert page.console_errors == []
