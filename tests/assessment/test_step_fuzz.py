"""Fuzzing the questionnaire's step POSTs as a browser sends them, with CSRF enforced.

Each generated body mixes the step's real fields (sometimes with valid choices, sometimes
with hostile text: NUL, lone surrogates, huge numbers, markup) and stray keys. Never a 5xx;
a rejected step re-renders with its errors; and a submission made from whatever the fuzzing
left in the session is either a whole stored result or nothing stored at all.
"""

from __future__ import annotations

import re

import pytest
from django import forms
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.examples import example_answers
from assessment.forms import STEPS
from assessment.models import Assessment
from assessment.views import SESSION_KEY

pytestmark = pytest.mark.django_db

HOSTILE = st.sampled_from(
    [
        "",
        "0",
        "-1",
        "75.000.000",
        "75 juta",
        "1e308",
        "9" * 5000,
        "NaN",
        "<script>alert(1)</script>",
        '=HYPERLINK("http://x","y")',
        "PT \x00 Nul",
        "PT \ud800 surrogate",
        "x" * 10_000,
        "🙂" * 50,
    ]
)
TEXT = st.text(max_size=40) | HOSTILE


def field_values(field: forms.Field):
    choices = [str(value) for value, _ in getattr(field, "choices", []) or [] if value != ""]
    if isinstance(field, forms.MultipleChoiceField):
        return st.lists(st.sampled_from(choices) | TEXT, max_size=4) if choices else st.lists(TEXT)
    if choices:
        return (st.sampled_from(choices) | TEXT).map(lambda v: [v])
    return TEXT.map(lambda v: [v])


@st.composite
def step_bodies(draw, step_index: int):
    form = STEPS[step_index]()
    body: dict[str, list[str]] = {}
    for name, field in form.fields.items():
        if draw(st.booleans()) or draw(st.booleans()):
            body[name] = draw(field_values(field))
    extra = draw(st.dictionaries(st.text(min_size=1, max_size=10), TEXT.map(lambda v: [v])))
    body.update({k: v for k, v in extra.items() if k != "csrfmiddlewaretoken"})
    if draw(st.integers(0, 4)) == 0:
        body["back"] = ["1"]
    return body


def csrf_client(answers: dict | None = None) -> tuple[Client, str]:
    """A browser-like client; with `answers`, every step already answered with them."""
    client = Client(enforce_csrf_checks=True)
    if answers is not None:
        session = client.session
        session[SESSION_KEY] = answers
        session.save()
    page = client.get(f"/en/assess/{STEPS[0].slug}/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    return client, token.group(1)


def post(client: Client, url: str, body: dict[str, list[str]], token: str):
    # A browser never sends text that is not UTF-8; Django's test client encodes for us, so
    # a lone surrogate would fail in the client rather than the server: send it as "?".
    safe = {
        key.encode("utf-8", "replace").decode(): [
            v.encode("utf-8", "replace").decode() for v in values
        ]
        for key, values in body.items()
    }
    return client.post(url, {**safe, "csrfmiddlewaretoken": token})


FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("step_index", range(len(STEPS)))
def test_fuzzed_steps_never_fail_and_never_half_save(starting_catalog, step_index):
    @FUZZ
    @given(bodies=st.lists(step_bodies(step_index), min_size=1, max_size=3))
    def run(bodies):
        # The other steps hold valid answers, so the submission below really is made or
        # refused on what the fuzzed step left behind.
        client, token = csrf_client(example_answers())
        url = f"/en/assess/{STEPS[step_index].slug}/"
        for body in bodies:
            response = post(client, url, body, token)
            assert response.status_code in (200, 302), response.content[:300]
            if response.status_code == 200:  # rejected: the step again, with its errors
                page = response.content.decode()
                assert "is-invalid" in page or "alert-danger" in page
                assert "<script>alert(1)</script>" not in page
        before = Assessment.objects.count()
        submitted = client.post("/en/assess/review/", {"csrfmiddlewaretoken": token})
        assert submitted.status_code in (200, 302)
        made = "/assess/r/" in submitted.get("Location", "")
        assert Assessment.objects.count() == before + (1 if made else 0)
        outcomes.add(made)

    outcomes: set[bool] = set()
    run()
    assert True in outcomes  # some fuzzed steps were valid and led to a stored result


def test_a_step_post_without_the_csrf_token_is_refused(starting_catalog):
    client, _token = csrf_client()
    response = client.post(f"/en/assess/{STEPS[0].slug}/", {"name": "PT Contoh"})
    assert response.status_code == 403
    assert Assessment.objects.count() == 0
