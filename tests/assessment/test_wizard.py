"""The questionnaire never loses or twists an answer: budgets as people type them, Back and
Enter, a lost session, server-side errors on their fields."""

import io
import re

import pytest
from pypdf import PdfReader

from assessment import pdf
from assessment.models import Assessment
from catalog.models import Service
from tests.assessment.test_views import STEP_DATA

pytestmark = pytest.mark.django_db


def _walk(client, lang="en", **constraints):
    """Every step, then the review page; a step refused on the way is returned as it is."""
    for step, data in STEP_DATA.items():
        if step == "constraints":
            data = {**data, **constraints}
        response = client.post(f"/{lang}/assess/{step}/", {**data, "next": "1"})
        if response.status_code != 302:
            return response
    return client.post(f"/{lang}/assess/review/")


@pytest.mark.parametrize(
    ("lang", "typed", "shown"),
    [
        ("id", "75.000.000", "Rp\u00a075.000.000"),
        ("id", "75 juta", "Rp\u00a075.000.000"),
        ("en", "75,000,000", "Rp\u00a075,000,000"),
        ("en", "75 million", "Rp\u00a075,000,000"),
    ],
)
def test_a_budget_typed_as_people_write_it_is_stored_and_restated(
    client, starting_catalog, lang, typed, shown
):
    response = _walk(client, lang, monthly_budget_idr=typed)
    assessment = Assessment.objects.get()
    assert assessment.answers["constraints"]["monthly_budget_idr"] == 75_000_000
    page = client.get(response["Location"]).content.decode()
    assert shown in page
    reader = PdfReader(io.BytesIO(pdf.render_pdf(assessment, lang)))
    text = " ".join(p.extract_text() for p in reader.pages).replace("\u00a0", " ")
    assert shown.replace("\u00a0", " ") in text


@pytest.mark.parametrize(
    ("lang", "typed", "message"),
    [
        ("en", "75.000", "can be read in two ways"),
        ("id", "75,000", "dapat dibaca dengan dua cara"),
        ("id", "75 m", "dapat dibaca dengan dua cara"),
        ("en", "lots", "Enter an amount in rupiah"),
    ],
)
def test_an_ambiguous_budget_is_refused_at_its_field_with_an_example(
    client, starting_catalog, lang, typed, message
):
    response = _walk(client, lang, monthly_budget_idr=typed)
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert 'href="#id_monthly_budget_idr"' in body
    assert f'value="{typed}"' in body  # what was typed stays in the field
    assert not Assessment.objects.exists()


def test_the_stored_budget_is_shown_back_with_separators(client, starting_catalog):
    _walk(client, "id", monthly_budget_idr="75000000")
    body = client.get("/id/assess/constraints/").content.decode()
    assert 'value="75.000.000"' in body
    assert ">Rp</span>" in body


def test_next_comes_before_back_so_enter_moves_forward(client, starting_catalog):
    client.post("/en/assess/organisation/", {**STEP_DATA["organisation"], "next": "1"})
    body = client.get("/en/assess/services/").content.decode()
    assert body.index('name="next"') < body.index('name="back"')


def test_back_from_a_half_answered_step_keeps_what_was_typed(client, starting_catalog):
    client.post("/en/assess/organisation/", {**STEP_DATA["organisation"], "next": "1"})
    client.post("/en/assess/services/", {**STEP_DATA["services"], "next": "1"})
    half = {"process_definition": "judgment", "fte": "40", "back": "1"}
    response = client.post("/en/assess/work/", half)
    assert response["Location"] == "/en/assess/services/"
    body = client.get("/en/assess/work/").content.decode()
    assert 'value="40"' in body
    assert re.search(r'<input[^>]*value="judgment"[^>]*checked', body)
    assert re.search(r'<input[^>]*name="seasonal_peaks"[^>]*value="no"[^>]*checked', body)
    assert "There is a problem" not in body  # a draft is not an error until you move on


def test_back_from_the_result_then_resubmitting_keeps_every_answer(client, starting_catalog):
    first = _walk(client)
    # The browser's Back shows the last step again; the user changes the budget only.
    changed = {**STEP_DATA["constraints"], "monthly_budget_idr": "90000000", "next": "1"}
    assert client.post("/en/assess/constraints/", changed)["Location"] == "/en/assess/review/"
    response = client.post("/en/assess/review/")
    assert response.status_code == 302 and response["Location"] != first["Location"]
    newest = Assessment.objects.order_by("-pk").first()
    assert newest.answers["constraints"]["monthly_budget_idr"] == 90_000_000
    assert newest.answers["organisation"]["name"] == "PT Maju Jaya"
    assert newest.rerun_of == Assessment.objects.order_by("pk").first()


def test_a_lost_session_is_explained_in_plain_words(client, starting_catalog):
    response = client.post(
        "/en/assess/constraints/", {**STEP_DATA["constraints"], "next": "1"}, follow=True
    )
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == "/en/assess/organisation/"
    assert "We no longer have your answers to “Your organisation”" in body
    assert "organisation.industry" not in body and "work.process_definition" not in body
    assert not Assessment.objects.exists()
    # What was answered on the last step is kept.
    assert client.session["assessment_answers"]["constraints"]["coverage"] == "24_7"


def test_a_server_side_error_is_shown_on_its_field(client, starting_catalog):
    for step in ("organisation", "services", "work", "priorities"):
        client.post(f"/en/assess/{step}/", {**STEP_DATA[step], "next": "1"})
    client.post("/en/assess/constraints/", {**STEP_DATA["constraints"], "next": "1"})
    Service.objects.filter(slug="order_processing").delete()  # removed by a curator meanwhile
    response = client.post("/en/assess/review/", follow=True)
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == "/en/assess/services/"
    assert "order_processing is not one of the available choices" in body
    assert 'href="#services-fieldset"' in body
    assert "services: unknown" not in body
    assert not Assessment.objects.exists()


def test_times_carry_their_zone(client, starting_catalog):
    response = _walk(client, "id")
    assessment = Assessment.objects.get()
    assert "WIB</time>" in client.get(response["Location"]).content.decode()
    reader = PdfReader(io.BytesIO(pdf.render_pdf(assessment, "id")))
    assert "WIB" in reader.pages[-1].extract_text()


def test_a_client_abroad_starts_the_languages_question_from_its_own_language(
    client, starting_catalog
):
    """Issue 8, item 9: a Japanese client is not preset to Indonesian."""
    for step, data in STEP_DATA.items():
        if step == "constraints":
            break
        if step == "organisation":
            data = {**data, "country": "JP"}
        client.post(f"/en/assess/{step}/", {**data, "next": "1"})
    page = client.get("/en/assess/constraints/").content.decode()
    checked = set(re.findall(r'name="languages" value="(\w+)"[^>]*checked', page))
    assert checked == {"ja"}


def test_the_review_restates_every_answer_and_change_returns_to_it(client, starting_catalog):
    for step, data in STEP_DATA.items():
        response = client.post(f"/id/assess/{step}/", {**data, "next": "1"})
    assert response["Location"] == "/id/assess/review/"
    review = client.get("/id/assess/review/").content.decode()
    assert "Periksa jawaban Anda" in review and "PT Maju Jaya" in review
    assert review.count('class="btn btn-sm btn-outline-primary change-link"') == len(STEP_DATA)
    assert not Assessment.objects.exists()  # nothing is made before the buyer confirms
    # "Ubah" beside the work step: change the staff count, and come back to the review.
    client.get("/id/assess/work/?review=1")
    changed = {**STEP_DATA["work"], "fte": "30", "next": "1"}
    assert client.post("/id/assess/work/", changed)["Location"] == "/id/assess/review/"
    assert ">30<" in client.get("/id/assess/review/").content.decode()
    response = client.post("/id/assess/review/")
    assert Assessment.objects.get().answers["scale"]["fte"] == 30


def test_the_deciding_questions_start_unanswered(client, starting_catalog):
    work = client.get("/en/assess/work/").content.decode()
    for name in ("process_definition", "expertise", "customer_contact", "driver"):
        assert not re.search(rf'name="{name}"[^>]*checked', work), name
    assert not re.search(r'name="core_to_business"[^>]*checked', work)
    constraints = client.get("/en/assess/constraints/").content.decode()
    assert not re.search(r'name="data_sensitivity"[^>]*checked', constraints)
    assert re.search(r'name="coverage"[^>]*checked', constraints)  # the rest may start set


def test_the_organisation_step_speaks_the_interface_language(client, starting_catalog):
    page = client.get("/id/assess/organisation/").content.decode()
    assert ">Singapura<" in page and ">Korea Selatan<" in page and ">Jerman<" in page
    assert "Usaha kecil atau menengah (di bawah 250 staf)" in page
    english = client.get("/en/assess/organisation/").content.decode()
    assert ">Singapore<" in english and "Small or medium business (under 250 staff)" in english


def test_a_foreign_client_states_the_budget_in_dollars_at_a_dated_rate(client, starting_catalog):
    """Issue 16, item 1: converted at the rate kept as data, restated with its date."""
    response = _walk(client, "en", monthly_budget_idr="5,000", budget_currency="USD")
    assessment = Assessment.objects.get()
    constraints = assessment.answers["constraints"]
    assert constraints["monthly_budget_idr"] == 5_000 * 16_693
    assert constraints["budget_stated"] == {
        "currency": "USD",
        "amount": 5_000,
        "rate_idr": 16_693,
        "rate_date": "2025-12-16",
    }
    page = client.get(response["Location"]).content.decode()
    assert "USD 5,000 at Rp 16,693 per USD, rate of Dec. 16, 2025" in page
    # Editing brings the dollars back, not the converted rupiah.
    client.post(f"/en/assess/r/{assessment.token}/edit/")
    form = client.get("/en/assess/constraints/").content.decode()
    assert 'value="5,000"' in form
    assert re.search(r'<option value="USD"[^>]*selected', form)
