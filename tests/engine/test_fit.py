"""Honest ranks, fit confidence and notices (issue 8, items 4, 5, 6 and 10), on plain data."""

from assessment.engine import VendorRecord, parse_answers, recommend
from assessment.engine.rank import competition_ranks
from tests.factories import base_answers


def _run(taxonomy, vendors, **overrides):
    return recommend(parse_answers(base_answers(**overrides), taxonomy), taxonomy, vendors)


def _notices(result):
    return {n.code for n in result.notices}


def _desk(slug, **facts):
    return VendorRecord(slug, slug.title(), frozenset({"customer_service"}), ("ID",), **facts)


def test_equal_scores_share_a_rank_and_the_next_rank_skips():
    assert competition_ranks([80.0, 70.5, 70.5, 60.0]) == [1, 2, 2, 4]
    assert competition_ranks([50.0, 50.0, 50.0]) == [1, 1, 1]
    assert competition_ranks([]) == []


def test_identical_vendors_tie_in_the_result(taxonomy):
    vendors = [_desk("beta"), _desk("alpha"), _desk("gamma", coverage="24_7")]
    result = _run(taxonomy, vendors, services=["customer_service"])
    ranked = [(v.slug, v.rank) for v in result.ranking.vendors]
    assert ranked == [("gamma", 1), ("alpha", 2), ("beta", 2)]


def test_no_eligible_vendor_means_no_fit_and_a_notice(taxonomy, source_vendors):
    result = _run(
        taxonomy,
        source_vendors,
        services=["contract_drafting"],
        work__process_definition="judgment",
        work__expertise="specialist",
    )
    assert result.recommendation.confidence > 0.5  # the model decision can still be sure
    assert result.fit.confidence == 0.0
    assert "no_eligible_vendor" in _notices(result)


def test_fit_grows_with_known_facts_and_eligible_vendors(taxonomy):
    unknown = [_desk(f"v{i}") for i in range(3)]
    known = [
        _desk(
            f"k{i}",
            coverage="24_7",
            size_band="medium",
            certifications=frozenset({"iso_27001"}),
            certifications_verified=True,
            languages=frozenset({"id"}),
            languages_verified=True,
            industries=frozenset({"ecommerce_retail"}),
            industries_verified=True,
            customizations=frozenset({"standard"}),
            customizations_verified=True,
            work_systems=frozenset({"cloud_based"}),
            work_systems_verified=True,
            delivery_countries_verified=True,
            price_min_idr=5_000_000,
        )
        for i in range(3)
    ]
    kwargs = {"services": ["customer_service"]}
    thin = _run(taxonomy, unknown, **kwargs).fit.confidence
    rich = _run(taxonomy, known, **kwargs).fit.confidence
    alone = _run(taxonomy, known[:1], **kwargs).fit.confidence
    assert 0 < thin < rich <= 1
    assert alone < rich


def test_a_catalog_gap_is_a_notice_not_multi_sourcing(taxonomy, source_vendors):
    result = _run(
        taxonomy, source_vendors, services=["customer_service", "payroll", "marketing_services"]
    )
    assert result.recommendation.work_system != "multi_sourcing"
    assert "catalog_coverage_gap" in _notices(result)


def test_a_stated_wish_for_several_vendors_still_gives_multi_sourcing(taxonomy, source_vendors):
    result = _run(taxonomy, source_vendors, constraints__vendor_strategy="multi")
    assert result.recommendation.work_system == "multi_sourcing"


def test_sanity_checks_warn_without_refusing(taxonomy, source_vendors):
    result = _run(
        taxonomy,
        source_vendors,
        organisation__size="sme",
        scale__fte=100_000,
        constraints__start_within_weeks=0,
        constraints__monthly_budget_idr=1,
    )
    # Rp 1 against vendors delivering from Indonesia: measured against the wage floor there.
    assert {"staff_beyond_size", "start_too_soon", "budget_below_wage_floor"} <= _notices(result)
    calm = _run(taxonomy, source_vendors)
    assert not {"staff_beyond_size", "start_too_soon", "budget_below_wage_floor"} & _notices(calm)
    # Where no wage floor is on file, an absurd budget still gets the plain warning.
    abroad = [VendorRecord("abroad", "Abroad", frozenset({"customer_service"}), ("PH",))]
    result = _run(
        taxonomy, abroad, services=["customer_service"], constraints__monthly_budget_idr=1
    )
    assert "budget_implausible" in _notices(result)


def test_a_cost_led_buyer_is_told_when_no_price_counted(taxonomy, source_vendors):
    assert "prices_unknown" in _notices(_run(taxonomy, source_vendors, priorities__cost=5))
    assert "prices_unknown" not in _notices(_run(taxonomy, source_vendors, priorities__cost=3))
    priced = [_desk("priced", price_min_idr=4_000_000)]
    result = _run(taxonomy, priced, services=["customer_service"], priorities__cost=5)
    assert "prices_unknown" not in _notices(result)
