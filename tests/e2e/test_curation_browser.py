"""A vendor proposes changes with a certificate; a curator reviews and accepts part of them;
the public page shows exactly the accepted facts as verified, with their source."""

import re

import pytest
from playwright.sync_api import expect

from catalog.models import CertificationEvidence, Submission, Vendor
from tests.e2e.conftest import ARTIFACTS
from tests.factories import make_curator

pytestmark = pytest.mark.e2e
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_vendor_proposes_and_a_curator_accepts_part(page, live_catalog, tmp_path):
    certificate = tmp_path / "iso-27001.pdf"
    certificate.write_bytes(PDF)

    # The vendor: from its page to the update form.
    page.goto(f"{live_catalog.url}/en/catalog/tdcx/")
    page.get_by_role("link", name="Is this your company? Claim or update this profile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Update the profile of TDCX")
    expect(page.locator("#id_name")).to_have_value("TDCX")
    page.get_by_label("Coverage hours").select_option("24_7")
    page.locator("#div_id_languages").get_by_label("English").check()
    page.locator("#div_id_certifications").get_by_label("ISO/IEC 27001").check()
    page.locator("#id_evidence-0-file").set_input_files(str(certificate))
    page.locator("#id_evidence-0-certification").select_option(
        label="ISO/IEC 27001 (information security)"
    )
    page.locator("#id_evidence-0-number").fill("ISMS-2031")
    page.locator("#id_evidence-0-expires_on").fill("2028-03-31")
    page.locator("#id_contact_name").fill("Dewi Lestari")
    page.locator("#id_contact_email").fill("not-an-email")
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator("#form-errors")).to_be_visible()  # field-level, nothing sent
    expect(page.locator("#id_coverage")).to_have_value("24_7")  # what was typed stays
    assert not Submission.objects.exists()
    page.locator("#id_evidence-0-file").set_input_files(str(certificate))  # files never stay
    page.locator("#id_contact_email").fill("dewi@tdcx.example")
    page.get_by_role("button", name="Send for review").click()
    expect(page).to_have_url(re.compile(r"/en/catalog/tdcx/$"))
    expect(page.locator(".alert-success")).to_contain_text("waits for a curator")
    coverage = page.locator("dt", has_text="Coverage hours").locator(
        "xpath=following-sibling::dd[1]"
    )
    expect(coverage).to_contain_text("not verified")  # the catalog has not changed

    # The curator: the review queue, untick the languages, accept the rest.
    make_curator(username="cura", password="s3cret-pass-word")
    page.goto(f"{live_catalog.url}/en/admin/catalog/submission/")
    page.get_by_label("Username").fill("cura")
    page.get_by_label("Password").fill("s3cret-pass-word")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name=re.compile(r"Submission #\d+: TDCX")).click()
    expect(page.locator("#fact-coverage")).to_contain_text("24/7")
    expect(page.locator("#submission-files")).to_contain_text("iso-27001.pdf")
    page.screenshot(path=str(_shot("curation-review.png")), full_page=True)
    page.locator("#accept-languages").uncheck()
    page.get_by_role("button", name="Accept the ticked facts").click()
    expect(page.locator(".messagelist")).to_contain_text("Accepted")

    # The public page: the accepted facts, verified, with their source; not the languages.
    page.goto(f"{live_catalog.url}/en/catalog/tdcx/")
    expect(coverage).to_contain_text("24/7")
    expect(page.locator("#source-coverage")).to_contain_text("Vendor submission #")
    expect(page.locator("#source-certifications")).to_contain_text("Vendor submission #")
    languages = page.locator("dt", has_text="Working languages").locator(
        "xpath=following-sibling::dd[1]"
    )
    expect(languages).to_contain_text("not verified")
    page.screenshot(path=str(_shot("curation-vendor-page.png")), full_page=True)
    evidence = CertificationEvidence.objects.get()
    assert evidence.number == "ISMS-2031" and evidence.vendor == Vendor.objects.get(slug="tdcx")
    assert page.console_errors == []


def _shot(name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
