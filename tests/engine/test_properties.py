"""Property tests: any valid answers give a contract-shaped result; anything else gives
field errors, never an exception."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.engine import AnswerErrors, VendorRecord, parse_answers, recommend, render_result
from assessment.engine import answers as contract
from tests.engine.conftest import build_taxonomy, build_vendors

TAXONOMY = build_taxonomy()
VENDORS = build_vendors()
SERVICES = sorted(TAXONOMY.service_functions)

vendor_records = st.builds(
    VendorRecord,
    slug=st.text("abcdefgh", min_size=1, max_size=6),
    name=st.text(min_size=1, max_size=12),
    services=st.frozensets(st.sampled_from(SERVICES), max_size=5),
    delivery_countries=st.lists(st.sampled_from(sorted(TAXONOMY.countries)), max_size=3).map(tuple),
    delivery_countries_verified=st.booleans(),
    certifications=st.frozensets(st.sampled_from(sorted(TAXONOMY.certifications))),
    certifications_verified=st.booleans(),
    languages=st.frozensets(st.sampled_from(sorted(TAXONOMY.languages))),
    languages_verified=st.booleans(),
    industries=st.frozensets(st.sampled_from(sorted(TAXONOMY.industries)), max_size=3),
    industries_verified=st.booleans(),
    work_systems=st.frozensets(st.sampled_from(["hybrid", "cloud_based", "multi_sourcing"])),
    customizations=st.frozensets(st.sampled_from(["standard", "customized"])),
    coverage=st.sampled_from([None, *contract.COVERAGE]),
    size_band=st.sampled_from([None, "small", "medium", "large", "enterprise"]),
    price_min_idr=st.one_of(st.none(), st.integers(1, 10**8)),
    price_max_idr=st.none(),
)

valid_answers = st.fixed_dictionaries(
    {
        "organisation": st.fixed_dictionaries(
            {"industry": st.sampled_from(sorted(TAXONOMY.industries))},
            optional={
                # Valid names: any text but NUL and lone surrogates, which are refused.
                "name": st.text(
                    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                    max_size=200,
                ),
                "country": st.sampled_from(sorted(TAXONOMY.countries)),
                "size": st.sampled_from(contract.SIZES),
            },
        ),
        "services": st.lists(st.sampled_from(SERVICES), min_size=1, max_size=6),
        "work": st.fixed_dictionaries(
            {
                "process_definition": st.sampled_from(contract.PROCESS_DEFINITIONS),
                "expertise": st.sampled_from(contract.EXPERTISE),
                "customer_contact": st.sampled_from(contract.CUSTOMER_CONTACT),
                "core_to_business": st.booleans(),
                "driver": st.sampled_from(contract.DRIVERS),
            }
        ),
    },
    optional={
        "scale": st.fixed_dictionaries(
            {}, optional={"fte": st.integers(1, 100_000), "seasonal_peaks": st.booleans()}
        ),
        "priorities": st.fixed_dictionaries(
            {}, optional={k: st.integers(1, 5) for k in contract.PRIORITIES}
        ),
        "constraints": st.fixed_dictionaries(
            {},
            optional={
                "data_sensitivity": st.sampled_from(contract.SENSITIVITY),
                "languages": st.lists(st.sampled_from(sorted(TAXONOMY.languages)), max_size=3),
                "coverage": st.sampled_from(contract.COVERAGE),
                "location": st.sampled_from(contract.LOCATIONS),
                "monthly_budget_idr": st.one_of(st.none(), st.integers(1, 10**12)),
                "start_within_weeks": st.one_of(st.none(), st.integers(0, 520)),
                "vendor_strategy": st.sampled_from(contract.VENDOR_STRATEGIES),
                "ownership": st.sampled_from(contract.OWNERSHIP),
                "customization": st.sampled_from(contract.CUSTOMIZATION),
                "remote_delivery_ok": st.booleans(),
                "required_certifications": st.lists(
                    st.sampled_from(sorted(TAXONOMY.certifications)), max_size=2
                ),
            },
        ),
    },
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


def _check_contract(data):
    rec = data["recommendation"]
    assert rec["approach"] in ("outsource", "captive", "keep_in_house")
    assert rec["model"] in ("bpo", "kpo")
    assert rec["specialisation"] in (None, "lpo", "rpo", "ites")
    assert rec["location"] in ("onshore", "nearshore", "offshore")
    assert rec["work_system"] in (
        "single_vendor",
        "hybrid",
        "cloud_based",
        "captive",
        "multi_sourcing",
    )
    assert rec["customization"] in ("standard", "customized")
    assert 0 <= rec["confidence"] <= 1
    assert rec["functions"] and rec["rationale"]
    assert all(isinstance(r["explanation"], str) and r["explanation"] for r in rec["rationale"])
    scores = [v["score"] for v in data["vendors"]]
    assert scores == sorted(scores, reverse=True)
    for v in data["vendors"]:
        assert 0 <= v["score"] <= 100
        assert all(0 <= c <= 1 for c in v["criteria"].values())
        assert v["matched_services"]
    assert [r["risk"] for r in data["risks"]] == [
        "data_security",
        "loss_of_control",
        "communication",
        "hidden_costs",
        "internal_adjustment",
    ]
    assert all(r["level"] in ("low", "medium", "high") and r["mitigations"] for r in data["risks"])
    assert len(data["roadmap"]) == 5 and all(s["actions"] for s in data["roadmap"])
    assert data["sla_metrics"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=valid_answers, vendors=st.lists(vendor_records, max_size=8))
def test_every_valid_answer_set_yields_a_contract_result(answers, vendors):
    parsed = parse_answers(answers, TAXONOMY)
    result = recommend(parsed, TAXONOMY, VENDORS + vendors)
    _check_contract(render_result(result.to_data(), lambda s: s))


@settings(max_examples=200, deadline=None)
@given(data=json_values)
def test_arbitrary_json_yields_field_errors_never_an_exception(data):
    try:
        parse_answers(data, TAXONOMY)
    except AnswerErrors as exc:
        assert exc.errors
        assert all(isinstance(p, str) and msgs for p, msgs in exc.errors.items())


@settings(max_examples=200, deadline=None)
@given(
    answers=valid_answers,
    key=st.sampled_from(["organisation", "work", "services"]),
    junk=json_values,
)
def test_a_corrupted_section_is_named_in_the_errors(answers, key, junk):
    answers = dict(answers)
    answers[key] = junk
    try:
        parse_answers(answers, TAXONOMY)
    except AnswerErrors as exc:
        assert any(path == key or path.startswith(key + ".") for path in exc.errors)
