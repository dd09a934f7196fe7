"""Ready for the open internet (issue 11, first part): every API input answered in JSON,
never a 5xx nor a stored row from a rejected body; results kept private."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment import services
from assessment.models import Assessment
from tests.factories import base_answers

pytestmark = pytest.mark.django_db


def _post(client, body: str | bytes):
    return client.post("/api/assessments/", body, content_type="application/json")


@pytest.mark.parametrize(
    "body",
    [
        "[" * 1000 + "]" * 1000,
        '{"organisation": ' * 500 + "1" + "}" * 500,
        '{"scale": {"fte": ' + "9" * 5000 + "}}",
        json.dumps(base_answers(organisation__name="PT \ud800 Bad")),
        json.dumps(base_answers(organisation__name="PT \x00 Nul")),
        json.dumps(base_answers(scale__fte=10**40)),
        '{"services": NaN}',
        b"\xff\xfe not utf-8",
    ],
    ids=["deep-array", "deep-object", "huge-int", "surrogate", "nul", "big-fte", "nan", "bytes"],
)
def test_hostile_bodies_get_a_json_400_and_store_nothing(client, starting_catalog, body):
    response = _post(client, body)
    assert response.status_code == 400, response.content[:300]
    assert "errors" in response.json()
    assert not Assessment.objects.exists()


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    section=st.sampled_from(
        [
            "organisation",
            "services",
            "work",
            "scale",
            "priorities",
            "constraints",
            "criteria_weights",
        ]
    ),
    value=JSONISH,
)
def test_fuzzed_answers_never_give_a_5xx(client, starting_catalog, section, value):
    answers = base_answers()
    answers[section] = value
    response = _post(client, json.dumps(answers))
    assert response.status_code in (201, 400), response.content[:300]
    if response.status_code == 400:
        assert response.json()["errors"]


def test_results_are_private_and_unindexed(client, starting_catalog):
    saved = services.assessment_create(data=base_answers(), language="en")
    for url in (
        f"/en/assess/r/{saved.token}/",
        f"/api/assessments/{saved.token}/",
        f"/api/assessments/{saved.token}/pdf",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"
    page = client.get(f"/en/assess/r/{saved.token}/").content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in page
    created = _post(client, json.dumps(base_answers()))
    assert "no-store" in created["Cache-Control"]


def test_the_api_answers_every_error_in_json(client, starting_catalog):
    saved = services.assessment_create(data=base_answers(), language="en")
    patch = client.patch(f"/api/assessments/{saved.token}/", "{}", content_type="application/json")
    assert patch.status_code == 405 and patch["Allow"] == "GET, DELETE"
    assert patch.json()["errors"]["method"]
    put = client.put("/api/assessments/", "{}", content_type="application/json")
    assert put.status_code == 405 and "POST" in put["Allow"]
    missing = client.get("/api/nothing-here/")
    assert missing.status_code == 404 and missing.json()["errors"]["path"]


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_missing_page_is_the_sites_own_in_its_language(client, settings, language):
    settings.DEBUG = False
    response = client.get(f"/{language}/no-such-page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert 'class="navbar' in body  # the site's layout
    expected = "Halaman tidak ditemukan" if language == "id" else "Page not found"
    assert expected in body


def test_a_token_holder_deletes_a_result_on_the_page_and_in_the_api(client, starting_catalog):
    first = services.assessment_create(data=base_answers(), language="en")
    page = client.get(f"/en/assess/r/{first.token}/delete/").content.decode()
    assert "Delete this result?" in page and Assessment.objects.filter(pk=first.pk).exists()
    client.post(f"/en/assess/r/{first.token}/delete/")
    assert not Assessment.objects.filter(pk=first.pk).exists()
    assert client.get(f"/en/assess/r/{first.token}/").status_code == 404
    second = services.assessment_create(data=base_answers(), language="en")
    assert client.delete(f"/api/assessments/{second.token}/").status_code == 204
    assert client.get(f"/api/assessments/{second.token}/").status_code == 404


def test_old_assessments_are_purged_by_age(starting_catalog):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    old = services.assessment_create(data=base_answers(), language="en")
    Assessment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    fresh = services.assessment_create(data=base_answers(), language="en")
    call_command("purge_assessments", verbosity=0)
    assert list(Assessment.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_a_retried_submission_with_the_same_key_stores_nothing_new(client, starting_catalog):
    body = json.dumps(base_answers())
    first = client.post(
        "/api/assessments/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    again = client.post(
        "/api/assessments/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["token"] == first.json()["token"]
    assert Assessment.objects.count() == 1
    other = json.dumps(base_answers(scale__fte=40))
    clash = client.post(
        "/api/assessments/", other, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    assert clash.status_code == 422 and "Idempotency-Key" in clash.json()["errors"]
    assert Assessment.objects.count() == 1
    fresh = client.post("/api/assessments/", body, content_type="application/json")
    assert fresh.status_code == 201 and Assessment.objects.count() == 2  # no key, no reuse


def test_submissions_over_the_limit_get_429_with_retry_after(client, starting_catalog, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submit": (2, 3600), "pdf": (1, 3600)}
    body = json.dumps(base_answers())
    codes = [_post(client, body).status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    limited = _post(client, body)
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert limited.json()["errors"]["rate"]
    assert Assessment.objects.count() == 2
    # Another address has its own count.
    other = client.post(
        "/api/assessments/", body, content_type="application/json", REMOTE_ADDR="198.51.100.4"
    )
    assert other.status_code == 201
    token = Assessment.objects.first().token
    assert client.get(f"/api/assessments/{token}/pdf").status_code == 200
    assert client.get(f"/api/assessments/{token}/pdf").status_code == 429
    # In the browser, the same limit gives a page in the visitor's language.
    page = client.post(f"/id/assess/r/{token}/rerun/")
    assert page.status_code == 429 and "Terlalu banyak permintaan" in page.content.decode()
