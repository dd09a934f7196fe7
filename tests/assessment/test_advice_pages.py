"""The advice as a person reads it: keep-in-house and captive advice read as their own, the
location the vendors really have is stated, and the PDF says the same (issues 8 and 15)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from assessment import pdf, services
from tests.factories import base_answers

pytestmark = pytest.mark.django_db


def _save(**overrides):
    return services.assessment_create(data=base_answers(**overrides), language="en")


def _pdf_text(assessment, language="en") -> str:
    reader = PdfReader(io.BytesIO(pdf.render_pdf(assessment, language)))
    return " ".join(" ".join((page.extract_text() or "") for page in reader.pages).split())


def test_keep_in_house_reads_as_its_own_advice(starting_catalog, client):
    kept = _save(
        organisation__industry="finance_banking",
        services=["software_development"],
        work__core_to_business=True,
        work__expertise="specialist",
        work__customer_contact="none",
        work__driver="balanced",
    )
    page = client.get(f"/en/assess/r/{kept.token}/").content.decode()
    assert "Keep in house" in page and "type of work" in page
    assert "Vendors for the supporting work you could outsource" in page
    assert "Employee IT help desk" in page  # what could still be outsourced
    assert "Who runs the work" not in page and "Cloud-based BPO" not in page
    assert "Invite the shortlisted vendors" not in page
    assert "What to outsource around it" in page and "Strengthen the team" in page
    text = _pdf_text(kept)
    assert "Could still be outsourced" in text and "Strengthen the team" in text


def test_captive_for_a_foreign_client_is_an_entity_not_a_tender(starting_catalog, client):
    captive = _save(
        organisation__country="JP",
        organisation__size="multinational",
        constraints__ownership="own_subsidiary",
        constraints__languages=["id"],
        services=["customer_service"],
        scale__fte=120,
    )
    page = client.get(f"/id/assess/r/{captive.token}/").content.decode()
    assert "Calon mitra transisi untuk pusat layanan Anda" in page
    assert "PT PMA" in page and "OSS" in page
    text = _pdf_text(captive)
    assert "Possible transition partners" in text and "PT PMA" in text
    assert "Invite the shortlisted vendors" not in text


def test_the_vendors_real_location_is_stated_on_the_page_and_in_the_pdf(starting_catalog, client):
    bank = _save(
        organisation__country="SG",
        organisation__industry="finance_banking",
        services=["customer_service"],
        constraints__data_sensitivity="regulated",
        constraints__languages=["en"],
        priorities__cost=3,
    )
    page = client.get(f"/id/assess/r/{bank.token}/").content.decode()
    assert 'id="catalog-location"' in page
    assert "vendor yang tercantum bersifat Nearshore bagi Anda" in page
    assert "tidak ada vendor katalog yang beroperasi dari sana" in page
    assert "melintasi batas negara dari Singapura ke Indonesia" in page  # in Indonesian
    text = _pdf_text(bank)
    assert "no catalog vendor delivers from there" in text
    assert "Singapore to Indonesia" in text
    # SLA targets come with their basis.
    assert "Chat response time" in text and "60 seconds" in text and "80/20" in text
