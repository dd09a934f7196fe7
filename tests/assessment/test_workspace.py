"""The decision workspace on the server (issue 9): saved weights, the shortlist in the API
and on the page, robustness and the comparison in the page and the PDF."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from assessment import pdf, services
from assessment.models import Assessment
from tests.factories import base_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved(starting_catalog):
    return services.assessment_create(data=base_answers(), language="en")


def _put(client, token, body, content_type="application/json"):
    return client.put(
        f"/api/assessments/{token}/shortlist",
        json.dumps(body) if not isinstance(body, str) else body,
        content_type=content_type,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_the_api_saves_a_shortlist_and_returns_it(saved, client):
    slugs = [v["slug"] for v in saved.result["vendors"][:3]]
    response = _put(client, saved.token, {"vendors": list(reversed(slugs))})
    assert response.status_code == 200
    assert response.json()["shortlist"] == slugs  # in ranking order
    detail = client.get(f"/api/assessments/{saved.token}/").json()
    assert detail["shortlist"] == slugs


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"vendors": ["tdcx", "no-such-vendor"]}, 400, "vendors"),
        ({"vendors": ["tdcx"]}, 400, "vendors"),
        ({"vendors": ["a", "b", "c", "d", "e"]}, 400, "vendors"),
        ({"vendors": "tdcx"}, 400, "vendors"),
        ({"vendors": ["tdcx", "myrobin"]}, 400, "vendors"),  # excluded, not ranked
        ({"shortlist": ["tdcx", "vads-indonesia"]}, 400, "vendors"),
        ("not json", 400, "body"),
    ],
)
def test_a_bad_shortlist_changes_nothing(saved, client, body, status, field):
    services.shortlist_set(saved, [v["slug"] for v in saved.result["vendors"][:2]])
    before = Assessment.objects.get(pk=saved.pk).shortlist
    response = _put(client, saved.token, body)
    assert response.status_code == status
    assert field in response.json()["errors"]
    assert Assessment.objects.get(pk=saved.pk).shortlist == before


def test_a_shortlist_for_an_unknown_token_is_404(client):
    assert _put(client, "nope", {"vendors": ["a", "b"]}).status_code == 404


def test_saving_weights_makes_a_new_result_and_keeps_the_first(saved, client):
    keys = list(saved.result["weights"])
    form = {f"w_{k}": "3" for k in keys}
    form["w_location"] = "10"
    response = client.post(f"/en/assess/r/{saved.token}/weights/", form)
    fresh = Assessment.objects.exclude(pk=saved.pk).get()
    assert response["Location"] == fresh.result_url()
    assert fresh.rerun_of_id == saved.pk
    assert fresh.answers["criteria_weights"]["location"] == 10
    assert fresh.result["weight_points"]["location"] == 10
    assert "criteria_weights" not in Assessment.objects.get(pk=saved.pk).answers
    page = client.get(fresh.result_url().replace("/id/", "/en/")).content.decode()
    assert 'value="10"' in page and 'id="w-location"' in page


def test_weights_that_are_not_numbers_are_refused_on_the_page(saved, client):
    keys = list(saved.result["weights"])
    form = {f"w_{k}": "0" for k in keys}
    response = client.post(f"/en/assess/r/{saved.token}/weights/", form, follow=True)
    assert Assessment.objects.count() == 1
    assert "At least one criterion needs a weight above 0." in response.content.decode()


def test_the_page_and_the_pdf_show_robustness_the_chart_and_the_comparison(saved, client):
    slugs = [v["slug"] for v in saved.result["vendors"][:3]]
    response = client.post(f"/id/assess/r/{saved.token}/shortlist/", {"vendors": slugs})
    assert response["Location"].endswith("#compare")
    page = client.get(f"/id/assess/r/{saved.token}/").content.decode()
    assert "kasus yang masuk akal" in page and 'id="compare-table"' in page
    assert "<svg" in page and "kuat dan terverifikasi" in page
    assert 'id="workspace-data"' in page and "workspace.js" in page
    reader = PdfReader(io.BytesIO(pdf.render_pdf(Assessment.objects.get(pk=saved.pk), "en")))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Weights used" in text and "Your shortlist side by side" in text
    assert "First in plausible cases" in text and "Score against evidence" in text
    assert "strong and verified" in text
