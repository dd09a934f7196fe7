"""The questionnaire and the results page through Django's test client."""

import pytest
from django.core.management import call_command

from assessment.models import Assessment
from catalog.models import Vendor
from catalog.services import vendors_set_active
from tests.factories import base_answers

pytestmark = pytest.mark.django_db

STEP_DATA = {
    "organisation": {
        "name": "PT Maju Jaya",
        "country": "ID",
        "industry": "ecommerce_retail",
        "size": "sme",
    },
    "services": {"services": ["customer_service", "order_processing"]},
    "work": {
        "process_definition": "predefined",
        "expertise": "basic",
        "customer_contact": "direct",
        "core_to_business": "no",
        "driver": "cost",
        "fte": "25",
        "seasonal_peaks": "yes",
    },
    "priorities": {
        "cost": "5",
        "quality": "3",
        "speed": "4",
        "control": "2",
        "data_security": "3",
        "flexibility": "4",
        "communication": "4",
    },
    "constraints": {
        "data_sensitivity": "internal",
        "languages": ["id"],
        "coverage": "24_7",
        "location": "any",
        "monthly_budget_idr": "250000000",
        "start_within_weeks": "6",
        "vendor_strategy": "no_preference",
        "ownership": "outsource",
        "customization": "standard",
        "remote_delivery_ok": "yes",
    },
}


def _walk(client, lang="en"):
    """Every step, then the check-your-answers page, then the result."""
    response = None
    for step, data in STEP_DATA.items():
        response = client.post(f"/{lang}/assess/{step}/", {**data, "next": "1"})
        assert response.status_code == 302, (step, response.content.decode()[:2000])
    assert response["Location"] == f"/{lang}/assess/review/"
    return client.post(f"/{lang}/assess/review/")


def test_start_opens_the_first_step(client, starting_catalog):
    response = client.get("/en/assess/", follow=True)
    body = response.content.decode()
    assert "Your organisation" in body and "Step 1 of 5" in body


def test_the_whole_questionnaire_saves_an_assessment(client, starting_catalog):
    response = _walk(client)
    assessment = Assessment.objects.get()
    assert response["Location"] == f"/en/assess/r/{assessment.token}/"
    expected = base_answers(organisation__name="PT Maju Jaya", scale__current_staff=None)
    # The regulation questions, left at their defaults (nothing ticked, nothing decided).
    expected["regulation"] = {
        "sector": "none",
        "personal_data": [],
        "data_abroad_ok": None,
        "staff_transfer": None,
        "pricing": None,
        "contract_months": None,
        "exit_plan": False,
    }
    assert assessment.answers == expected
    page = client.get(response["Location"]).content.decode()
    assert "Transcosmos Indonesia" in page
    assert "BPO – Business Process Outsourcing" in page
    assert "Data security" in page and "Performance evaluation" in page
    assert "MyRobin" in page  # excluded, with its reason
    assert "offers none of the requested services" in page


def test_a_step_with_errors_names_the_fields_and_keeps_the_answers(client, starting_catalog):
    response = client.post(
        "/en/assess/work/", {"fte": "0", "process_definition": "predefined", "next": "1"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    # The summary names each problem and links to its field (it used to list nothing).
    assert "<title>Error: The nature of the work" in body
    assert "There is a problem" in body
    assert 'href="#id_fte"' in body and 'href="#id_expertise_0"' in body
    assert "Ensure this value is greater than or equal to 1." in body
    assert 'value="predefined" ' in body and "checked" in body
    assert not Assessment.objects.exists()


def test_errors_are_in_indonesian_by_default(client, starting_catalog):
    body = client.post("/id/assess/services/", {"next": "1"}).content.decode()
    assert "Pilih minimal satu layanan." in body


def test_back_keeps_answers(client, starting_catalog):
    client.post("/en/assess/organisation/", {**STEP_DATA["organisation"], "next": "1"})
    response = client.post("/en/assess/services/", {"services": ["payroll"], "back": "1"})
    assert response["Location"] == "/en/assess/organisation/"
    body = client.get("/en/assess/organisation/").content.decode()
    assert 'value="PT Maju Jaya"' in body
    body = client.get("/en/assess/services/").content.decode()
    assert 'value="payroll" id="svc-payroll" checked' in body


def test_edit_prefills_the_questionnaire_and_rerun_saves_a_new_result(client, starting_catalog):
    _walk(client)
    first = Assessment.objects.get()
    response = client.post(f"/en/assess/r/{first.token}/edit/")
    assert response["Location"] == "/en/assess/organisation/"
    assert 'value="PT Maju Jaya"' in client.get("/en/assess/organisation/").content.decode()
    vendors_set_active(vendors=Vendor.objects.filter(slug="transcosmos-indonesia"), active=False)
    response = client.post(f"/en/assess/r/{first.token}/rerun/")
    second = Assessment.objects.exclude(pk=first.pk).get()
    assert response["Location"] == f"/en/assess/r/{second.token}/"
    assert second.rerun_of == first
    assert second.result["vendors"][0]["slug"] != "transcosmos-indonesia"


def test_results_page_in_both_languages(client, starting_catalog):
    _walk(client, "id")
    token = Assessment.objects.get().token
    idn = client.get(f"/id/assess/r/{token}/").content.decode()
    en = client.get(f"/en/assess/r/{token}/").content.decode()
    assert "Peringkat vendor untuk Anda" in idn and "Pekerjaan mengikuti prosedur" in idn
    assert "Vendors ranked for you" in en and "The work follows predefined" in en


def test_unknown_result_token_is_404(client, db):
    assert client.get("/en/assess/r/not-a-token/").status_code == 404


def test_organisation_name_is_escaped(client, starting_catalog):
    data = dict(STEP_DATA)
    data["organisation"] = {**data["organisation"], "name": "<script>alert(1)</script>"}
    for step, fields in data.items():
        response = client.post(f"/en/assess/{step}/", {**fields, "next": "1"})
    body = client.get(response["Location"]).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.parametrize("extra", [0, 1000])
def test_results_page_query_count_is_flat(
    client, starting_catalog, django_assert_max_num_queries, extra
):
    call_command("seed_demo", vendors=extra, verbosity=0)
    Vendor.objects.update(is_synthetic=False)
    _walk(client)
    token = Assessment.objects.get().token
    # First view: the result is rendered (the stamp and the deferred result are two more).
    with django_assert_max_num_queries(9):
        response = client.get(f"/en/assess/r/{token}/")
    assert response.status_code == 200
    with django_assert_max_num_queries(1):  # then kept: the assessment, with the stamp
        assert client.get(f"/en/assess/r/{token}/").status_code == 200


def test_an_exclusion_names_what_the_vendor_lacks_in_the_readers_language(client, starting_catalog):
    from tests.factories import VendorFactory

    VendorFactory(
        name="English Only Desk",
        services=["customer_service"],
        languages=["en"],
        languages_verified=True,
    )
    created = client.post(
        "/api/assessments/", base_answers(), content_type="application/json"
    ).json()
    token = created["token"]
    for lang, lacks in (("en", "Indonesian"), ("id", "Bahasa Indonesia")):
        page = client.get(f"/{lang}/assess/r/{token}/").content.decode()
        item = page[page.index("<strong>English Only Desk</strong>") :].split("</li>")[0]
        assert item.endswith(f": {lacks}"), item
    reason = next(e for e in created["result"]["excluded"] if e["name"] == "English Only Desk")
    assert reason["reasons"] == ["tidak bekerja dalam bahasa yang diwajibkan: Bahasa Indonesia"]
    english = client.get(f"/api/assessments/{token}/", HTTP_ACCEPT_LANGUAGE="en").json()
    reason = next(e for e in english["result"]["excluded"] if e["name"] == "English Only Desk")
    assert reason["reasons"] == ["does not work in the required language(s): Indonesian"]
