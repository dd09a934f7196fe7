"""The published contract (engine/schema.py, GET /api/schema/) against what the engine
accepts and returns: every persona's answers and every result validate, and a field the
engine reads that the schema lacks fails here."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from assessment import services
from assessment.engine import answers as A
from assessment.engine.schema import answers_schema, result_schema
from tests.assessment.test_advice_personas import CLIENTS
from tests.engine.conftest import build_taxonomy
from tests.factories import base_answers

TAXONOMY = build_taxonomy()
ANSWERS = Draft202012Validator(answers_schema(TAXONOMY))
RESULT = Draft202012Validator(result_schema())


def _problems(validator, data) -> list[str]:
    return [
        f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)
    ]


@pytest.mark.parametrize(
    ("section", "keys"),
    [
        (None, A.TOP_KEYS),
        ("organisation", A.ORG_KEYS),
        ("work", A.WORK_KEYS),
        ("scale", A.SCALE_KEYS),
        ("priorities", A.PRIORITIES),
        ("constraints", A.CONSTRAINT_KEYS),
        ("criteria_weights", A.CRITERIA),
    ],
)
def test_every_field_the_engine_reads_is_in_the_schema_and_no_other(section, keys):
    schema = answers_schema(TAXONOMY)
    node = schema if section is None else schema["properties"][section]
    assert tuple(node["properties"]) == tuple(keys)
    assert node["additionalProperties"] is False


@pytest.mark.parametrize("name", sorted(CLIENTS))
def test_every_persona_validates_as_sent_and_as_stored(name):
    answers = base_answers(**CLIENTS[name][0])
    assert _problems(ANSWERS, answers) == []
    stored = A.parse_answers(answers, TAXONOMY).to_data()  # defaults filled in
    assert _problems(ANSWERS, stored) == []


def test_answers_the_engine_refuses_are_invalid_in_the_schema_too():
    for change in (
        {"services": []},
        {"scale__fte": 0},
        {"organisation__size": "huge"},
        {"constraints__coverage": "sometimes"},
        {"priorities__cost": 6},
        {"work__core_to_business": "yes"},
    ):
        answers = base_answers(**change)
        with pytest.raises(A.AnswerErrors):
            A.parse_answers(answers, TAXONOMY)
        assert _problems(ANSWERS, answers), change
    unknown_field = base_answers()
    unknown_field["organisation"]["motto"] = "x"
    assert _problems(ANSWERS, unknown_field)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["id", "en"])
def test_every_result_validates(starting_catalog, language):
    for name, (overrides, _expected) in CLIENTS.items():
        outcome = services.assessment_evaluate(base_answers(**overrides))
        rendered = services.result_render(outcome.result_data, language)
        assert _problems(RESULT, rendered) == [], name


@pytest.mark.django_db
def test_the_api_serves_an_openapi_31_document_with_persona_examples(client, starting_catalog):
    document = client.get("/api/schema/").json()
    assert document["openapi"] == "3.1.0"
    assert document["info"]["version"].startswith("1.")
    post = document["paths"]["/api/assessments/"]["post"]
    examples = post["requestBody"]["content"]["application/json"]["examples"]
    answers = Draft202012Validator(document["components"]["schemas"]["Answers"])
    for example in examples.values():
        assert _problems(answers, example["value"]) == []
        response = client.post(
            "/api/assessments/", example["value"], content_type="application/json"
        )
        assert response.status_code == 201, response.content
    created = post["responses"]["201"]["content"]["application/json"]["example"]
    assert _problems(RESULT, created["result"]) == []
    assert {"/api/vendors/", "/api/vendors/{slug}/", "/api/taxonomy/", "/api/schema/"} <= set(
        document["paths"]
    )
