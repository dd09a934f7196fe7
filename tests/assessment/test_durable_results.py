"""Stored results outlive the code that wrote them: reworded or removed messages, older
engine versions and vendors removed since all render on the page, the API and the PDF."""

import copy
import io

import pytest
from pypdf import PdfReader

from assessment import pdf, services
from assessment.models import Assessment
from catalog.models import Vendor
from tests.factories import base_answers

pytestmark = pytest.mark.django_db


def _text(pdf_bytes: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


@pytest.fixture
def saved(starting_catalog):
    return services.assessment_create(data=base_answers(), language="id")


def _engine_1_0(result: dict) -> dict:
    """The same result as engine 1.0.0 stored it: message ids only, bare questions, and the
    old attribute spellings; one sentence whose message id no longer exists."""
    old = copy.deepcopy(result)
    old["engine_version"] = "1.0.0"

    def strip(node):
        if isinstance(node, dict):
            node.pop("r", None)
            for value in node.values():
                strip(value)
        elif isinstance(node, list):
            for value in node:
                strip(value)

    strip(old)
    for vendor in old["vendors"]:
        vendor["unknown"] = [
            {"customizations": "customization", "size_band": "size"}.get(u, u)
            for u in vendor["unknown"]
        ]
    for entry in old["due_diligence"]:
        entry["questions"] = [q["question"] for q in entry["questions"]]
    old["risks"][0]["why"] = {"t": "A sentence this version of the advisor no longer has."}
    old["recommendation"]["rationale"][0]["explanation"] = {
        "t": "Reworded since: %(share)s%% of the work.",
        "p": {"renamed_parameter": 1},
    }
    return old


def test_a_reworded_message_keeps_its_stored_wording_in_both_languages(saved, client):
    stored = saved.result["recommendation"]["rationale"][0]["explanation"]
    assert set(stored["r"]) == {"id", "en"}
    # Pretend the code has reworded the message since: the stored renderings still show.
    stored["t"] = "A message id the code no longer has"
    saved.save()
    page = client.get(f"/id/assess/r/{saved.token}/").content.decode()
    assert stored["r"]["id"] in page
    english = client.get(f"/api/assessments/{saved.token}/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["result"]["recommendation"]["rationale"][0]["explanation"] == stored["r"]["en"]


def test_a_result_from_engine_1_0_renders_everywhere(saved, client):
    saved.result = _engine_1_0(saved.result)
    saved.engine_version = "1.0.0"
    saved.save()

    page = client.get(f"/en/assess/r/{saved.token}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "engine version 1.0.0" in body
    assert "A sentence this version of the advisor no longer has." in body
    assert "Reworded since" in body
    assert "What does one full-time agent cost per month" in body  # bare question, paired

    api = client.get(f"/api/assessments/{saved.token}/").json()
    first = api["result"]["due_diligence"][0]["questions"]
    assert {q["attribute"] for q in first} >= {"customizations", "size_band"}
    assert all(q["question"] for q in first)

    text = _text(pdf.render_pdf(Assessment.objects.get(pk=saved.pk), "en"))
    assert "1.0.0" in text and "no longer has" in text


def test_a_vendor_removed_since_shows_under_its_stored_name_without_a_link(saved, client):
    first = saved.result["vendors"][0]
    Vendor.objects.filter(slug=first["slug"]).delete()
    body = client.get(f"/en/assess/r/{saved.token}/").content.decode()
    assert first["name"] in body
    assert f"/catalog/{first['slug']}/" not in body
    assert "no longer in the catalog" in body


def test_codes_this_version_does_not_know_render_readably(saved, client):
    result = copy.deepcopy(saved.result)
    result["risks"][0]["risk"] = "vendor_lock_in"
    result["recommendation"]["work_system"] = "follow_the_sun"
    result["vendors"][0]["criteria"]["sustainability"] = 0.5
    saved.result = result
    saved.save()
    body = client.get(f"/en/assess/r/{saved.token}/").content.decode()
    assert "vendor lock in" in body and "follow the sun" in body and "sustainability" in body
    assert _text(pdf.render_pdf(Assessment.objects.get(pk=saved.pk), "en"))


def test_ranks_ties_fit_and_notices_reach_the_page_the_api_and_the_pdf(starting_catalog, client):
    # One vendor asked for (at 5,000 staff over three functions the advice would otherwise
    # spread the work over several vendors), so the ranking has a winner and then a tie.
    answers = base_answers(
        services=["customer_service", "payroll", "marketing_services"],
        scale__fte=5000,
        constraints__vendor_strategy="single",
        priorities__communication=3,  # no hybrid mix: cloud-based, where KPSG is known
    )
    response = client.post(
        "/api/assessments/", answers, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    result = response.json()["result"]
    rec = result["recommendation"]
    assert [v["rank"] for v in result["vendors"][:3]] == [1, 2, 2]
    assert 0 < rec["fit_confidence"] < 1 and len(rec["fit_rationale"]) == 3
    codes = {n["code"] for n in rec["notices"]}
    assert {"single_vendor_coverage", "staff_beyond_size"} <= codes
    token = response.json()["token"]
    page = client.get(f"/id/assess/r/{token}/").content.decode()
    assert "seri" in page and "Kecocokan katalog" in page and 'id="notices"' in page
    assert "1 dari 3 layanan" in page
    text = _text(pdf.render_pdf(Assessment.objects.get(token=token), "en"))
    assert "offers 1 of the 3 services" in text and "Catalog fit" in text and "tied" in text


def test_an_engine_1_0_result_gets_ranks_from_its_scores(saved, client):
    saved.result = _engine_1_0(saved.result)
    for vendor in saved.result["vendors"]:
        vendor.pop("rank", None)
    saved.save()
    api = client.get(f"/api/assessments/{saved.token}/").json()["result"]
    scores = [v["score"] for v in api["vendors"]]
    ranks = [v["rank"] for v in api["vendors"]]
    assert ranks[0] == 1 and all(
        (r == ranks[i - 1]) == (scores[i] == scores[i - 1]) for i, r in enumerate(ranks) if i
    )
