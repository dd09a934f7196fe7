import pytest

from assessment.engine import AnswerErrors, parse_answers
from tests.factories import base_answers


def _errors(data, taxonomy):
    with pytest.raises(AnswerErrors) as err:
        parse_answers(data, taxonomy)
    return err.value.render(lambda s: s)


def test_the_contract_example_is_valid(taxonomy):
    answers = parse_answers(base_answers(), taxonomy)
    assert answers.services == ("customer_service", "order_processing")
    assert answers.constraints.coverage == "24_7"


def test_missing_optional_keys_take_their_defaults(taxonomy):
    data = base_answers()
    del data["scale"], data["priorities"], data["constraints"], data["schema_version"]
    del data["organisation"]["country"], data["organisation"]["size"], data["organisation"]["name"]
    answers = parse_answers(data, taxonomy)
    assert answers.organisation.country == "ID"
    assert answers.priorities == dict.fromkeys(answers.priorities, 3)
    assert answers.constraints.languages == ("id",)
    assert answers.constraints.location == "any"
    assert answers.constraints.remote_delivery_ok is True
    assert answers.to_data()["constraints"]["monthly_budget_idr"] is None


def test_missing_required_keys_are_named(taxonomy):
    data = base_answers()
    del data["organisation"]["industry"], data["services"], data["work"]["driver"]
    errors = _errors(data, taxonomy)
    assert set(errors) == {"organisation.industry", "services", "work.driver"}
    assert errors["services"] == ["This field is required."]


def test_unknown_slug_is_named_like_the_contract(taxonomy):
    errors = _errors(base_answers(services=["customer_service", "x"]), taxonomy)
    assert errors == {"services": ["unknown service 'x'"]}


def test_unknown_keys_are_rejected(taxonomy):
    data = base_answers()
    data["colour"] = "blue"
    data["work"]["mood"] = "good"
    errors = _errors(data, taxonomy)
    assert set(errors) == {"colour", "work.mood"}


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("scale__fte", 0, "scale.fte"),
        ("scale__fte", 100_001, "scale.fte"),
        ("scale__fte", "25", "scale.fte"),
        ("scale__fte", True, "scale.fte"),
        ("priorities__cost", 6, "priorities.cost"),
        ("work__core_to_business", "no", "work.core_to_business"),
        ("organisation__country", "XX", "organisation.country"),
        ("organisation__name", "x" * 201, "organisation.name"),
        ("constraints__coverage", "always", "constraints.coverage"),
        ("constraints__languages", ["id", "tlh"], "constraints.languages"),
        ("constraints__required_certifications", ["iso_1"], "constraints.required_certifications"),
        ("constraints__monthly_budget_idr", -5, "constraints.monthly_budget_idr"),
        ("services", [], "services"),
        ("schema_version", 2, "schema_version"),
    ],
)
def test_out_of_range_values_name_their_field(taxonomy, path, value, field):
    assert field in _errors(base_answers(**{path: value}), taxonomy)


def test_non_object_answers_are_one_clear_error(taxonomy):
    assert _errors(["nope"], taxonomy) == {"answers": ["The answers must be a JSON object."]}


def test_lower_case_country_is_accepted(taxonomy):
    answers = parse_answers(base_answers(organisation__country="my"), taxonomy)
    assert answers.organisation.country == "MY"


def test_a_client_abroad_does_not_default_to_indonesian(taxonomy):
    """Issue 8, item 9: the languages default follows the client's country."""
    from assessment.engine import parse_answers
    from tests.factories import base_answers

    def languages(country):
        data = base_answers(organisation__country=country)
        del data["constraints"]["languages"]
        return parse_answers(data, taxonomy).constraints.languages

    assert languages("ID") == ("id",)
    assert languages("JP") == ("ja",)
    assert languages("KR") == ("ko",)
    assert languages("DE") == ("en",)  # German is not a catalog language: English
    assert languages("SG") == ("en",)
