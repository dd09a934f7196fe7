import re

import pytest
from playwright.sync_api import expect

from assessment.models import Assessment

pytestmark = pytest.mark.e2e


def _radio(page, name, value):
    page.locator(f'input[name="{name}"][value="{value}"]').check()


def test_questionnaire_to_recommendation_and_pdf(page, live_catalog):
    page.goto(f"{live_catalog.url}/assess/?new=1")
    expect(page).to_have_url(re.compile(r"/id/assess/organisation/$"))
    expect(page.locator("#step-title")).to_have_text("Organisasi Anda")

    page.get_by_role("link", name=re.compile("^EN")).click()
    expect(page.locator("#step-title")).to_have_text("Your organisation")
    page.get_by_label("Organisation name").fill("PT Nusantara Retail")
    page.get_by_label("Industry").select_option("ecommerce_retail")
    page.get_by_role("button", name="Next").click()

    # A step with an error: nothing chosen, then corrected.
    expect(page.locator("#step-title")).to_have_text("What to outsource")
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#services-error")).to_have_text("Choose at least one service.")
    page.get_by_label("Customer service (phone, chat, email, social)").check()
    page.get_by_label("Order processing & fulfilment support").check()
    page.get_by_role("button", name="Next").click()

    expect(page.locator("#step-title")).to_have_text("The nature of the work")
    _radio(page, "process_definition", "predefined")
    _radio(page, "expertise", "basic")
    _radio(page, "customer_contact", "direct")
    _radio(page, "driver", "cost")
    _radio(page, "core_to_business", "no")  # the deciding questions start unanswered
    page.get_by_label("Full-time staff the work needs today").fill("0")
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("input[name=process_definition][value=predefined]")).to_be_checked()
    page.get_by_label("Full-time staff the work needs today").fill("25")
    _radio(page, "seasonal_peaks", "yes")
    page.get_by_role("button", name="Next").click()

    expect(page.locator("#step-title")).to_have_text("Your priorities")
    page.get_by_label("Lower cost").select_option("5")
    page.get_by_role("button", name="Back").click()
    expect(page.locator("#id_fte")).to_have_value("25")
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()

    expect(page.locator("#step-title")).to_have_text("Constraints")
    _radio(page, "coverage", "24_7")
    _radio(page, "data_sensitivity", "internal")
    page.get_by_role("button", name="Check your answers").click()

    # Check your answers: change the staff count from the review and come back to it.
    expect(page).to_have_url(re.compile(r"/en/assess/review/$"))
    expect(page.locator("#review-work")).to_be_visible()
    page.locator(".change-link", has_text="The nature of the work").click()
    expect(page).to_have_url(re.compile(r"/en/assess/work/\?review=1$"))
    page.locator("#id_fte").fill("30")
    page.locator("#id_fte").press("Enter")
    expect(page).to_have_url(re.compile(r"/en/assess/review/$"))
    expect(page.locator("main")).to_contain_text("30")
    page.get_by_role("button", name="Get my recommendation").click()

    expect(page).to_have_url(re.compile(r"/en/assess/r/[\w-]{43}/$"))
    expect(page.locator("#model-heading")).to_contain_text("BPO – Business Process Outsourcing")
    page.locator("#why summary").click()
    expect(page.locator("#rationale li").first).to_be_visible()
    first = page.locator(".vendor-result").first
    expect(first).to_contain_text("Transcosmos Indonesia")
    expect(first.locator(".criteria tr")).not_to_have_count(0)
    expect(page.locator("#excluded")).to_contain_text("MyRobin")
    expect(page.locator("#risks .card")).to_have_count(5)
    expect(page.locator("#roadmap > li")).to_have_count(5)
    assert Assessment.objects.get().organisation_name == "PT Nusantara Retail"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    assert re.fullmatch(
        r"bpo-advisor-pt-nusantara-retail-\d{4}-\d{2}-\d{2}\.pdf", download.suggested_filename
    )
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert page.console_errors == []


def test_api_and_browser_agree(page, live_catalog):
    import json

    from tests.factories import base_answers

    response = page.request.post(
        f"{live_catalog.url}/api/assessments/",
        data=json.dumps(base_answers()),
        headers={"Content-Type": "application/json", "Accept-Language": "en"},
    )
    assert response.status == 201
    body = response.json()
    page.goto(body["url"].replace("/id/", "/en/"))
    names = page.locator(".vendor-result h3 a").all_inner_texts()
    assert names == [v["name"] for v in body["result"]["vendors"]]
