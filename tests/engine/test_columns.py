"""The column ranking (engine/catalog.py, rank.py) against the per-vendor ranking it replaced.

The reference below is the former ranking, kept here as the oracle: each vendor screened
and scored one at a time (rank.MustHaves.failed, the former per-vendor criteria,
weighted_score), the best 50 by score, then name, then slug. The columns must give the same
vendors, the same scores to the last bit, the same ranks and the same exclusions, and each
shown vendor the same breakdown (criteria values in the same order and type, unknown
attributes, location model): for the 25 personas and for random catalogs with random
answers.
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.engine import Catalog, VendorRecord, parse_answers, recommend
from assessment.engine import weights as W
from assessment.engine.rank import (
    LOCATION_DISTANCE,
    MustHaves,
    Ranker,
    competition_ranks,
    location_model,
    rank,
    screen,
    weighted_score,
)
from tests.assessment.test_advice_personas import CLIENTS
from tests.engine.conftest import build_taxonomy, build_vendors
from tests.engine.test_properties import valid_answers, vendor_records
from tests.factories import base_answers

TAXONOMY = build_taxonomy()
VENDORS = build_vendors()
TARGETS = [
    (location, work_system, customization)
    for location in ("onshore", "nearshore", "offshore")
    for work_system in ("single_vendor", "hybrid", "cloud_based", "captive")
    for customization in ("standard", "customized")
]


def _listed(offers, verified):
    if offers:
        return 1.0
    return 0.0 if verified else W.NEUTRAL


def former_values(ranker, v, loc):
    """Each criterion's value for one vendor, as the former code computed it."""
    crit = {}
    weights = ranker.weights
    crit["services"] = len(v.services & ranker.requested) / len(ranker.requested)
    crit["industry"] = _listed(ranker.industry in v.industries, v.industries_verified)
    if loc is None:
        crit["location"] = W.NEUTRAL
    else:
        gap = abs(LOCATION_DISTANCE[loc] - LOCATION_DISTANCE[ranker.target_location])
        crit["location"] = W.LOCATION_FIT_BY_GAP[gap]
    offered = W.COVERAGE_RANK.get(v.coverage) if v.coverage else None
    if offered is None:
        crit["coverage"] = W.NEUTRAL
    else:
        crit["coverage"] = W.COVERAGE_FIT_BY_SHORTFALL[
            max(0, min(2, ranker.coverage_needed - offered))
        ]
    held = v.certifications & W.SECURITY_CERTIFICATIONS
    if held:
        crit["security"] = min(1.0, W.SECURITY_FIRST_CERT + W.SECURITY_EACH_MORE * (len(held) - 1))
    else:
        crit["security"] = 0.0 if v.certifications_verified else W.NEUTRAL
    if "language" in weights:
        wanted = ranker.required_langs
        present = len(wanted & v.languages)
        missing = len(wanted) - present
        if missing and not v.languages_verified:
            crit["language"] = (present + W.NEUTRAL * missing) / len(wanted)
        else:
            crit["language"] = present / len(wanted)
    if "work_system" in weights:
        offers = ranker.work_system in v.work_systems or (
            ranker.work_system == "hybrid" and len(v.delivery_countries) > 1
        )
        crit["work_system"] = _listed(offers, v.work_systems_verified)
    crit["customization"] = _listed(
        ranker.customization in v.customizations, v.customizations_verified
    )
    capacity = W.SIZE_CAPACITY.get(v.size_band) if v.size_band else None
    if capacity is None:
        crit["size"] = W.NEUTRAL
    elif ranker.fte <= capacity:
        crit["size"] = 1.0
    else:
        fits = next((b for b in W.SIZE_ORDER if ranker.fte <= W.SIZE_CAPACITY[b]), W.SIZE_ORDER[-1])
        steps = W.SIZE_ORDER.index(fits) - W.SIZE_ORDER.index(v.size_band)
        crit["size"] = W.SIZE_FIT_ONE_BAND_SHORT if steps == 1 else 0.0
    if "price" in weights:
        low = v.price_min_idr if v.price_min_idr is not None else v.price_max_idr
        high = v.price_max_idr if v.price_max_idr is not None else v.price_min_idr
        budget = ranker.budget_per_fte
        if low is None:
            crit["price"] = W.NEUTRAL
        elif high <= budget:
            crit["price"] = 1.0
        elif low <= budget:
            crit["price"] = W.PRICE_FIT_PARTLY_WITHIN
        else:
            crit["price"] = max(0.0, W.PRICE_FIT_ABOVE_MAX * (1 - (low - budget) / budget))
    return crit


def former_score(ranker, v):
    loc = location_model(ranker.country, v.delivery_countries)
    return weighted_score(ranker.weights, former_values(ranker, v, loc))


def former_breakdown(ranker, v):
    """A shown vendor's breakdown as the former code built it: the values one vendor at a
    time, and the unknown attributes noted criterion by criterion on the way."""
    unknown = []
    loc = location_model(ranker.country, v.delivery_countries)
    if not (ranker.industry in v.industries or v.industries_verified):
        unknown.append("industries")
    if loc is None or (
        abs(LOCATION_DISTANCE[loc] - LOCATION_DISTANCE[ranker.target_location])
        and not v.delivery_countries_verified
    ):
        unknown.append("delivery_countries")
    if (W.COVERAGE_RANK.get(v.coverage) if v.coverage else None) is None:
        unknown.append("coverage")
    if not (v.certifications & W.SECURITY_CERTIFICATIONS) and not v.certifications_verified:
        unknown.append("certifications")
    if (
        ranker.required_certs
        and not v.certifications_verified
        and not ranker.required_certs <= v.certifications
        and "certifications" not in unknown
    ):
        unknown.append("certifications")
    if "language" in ranker.weights:
        missing = len(ranker.required_langs) - len(ranker.required_langs & v.languages)
        if missing and not v.languages_verified:
            unknown.append("languages")
    if "work_system" in ranker.weights:
        offers = ranker.work_system in v.work_systems or (
            ranker.work_system == "hybrid" and len(v.delivery_countries) > 1
        )
        if not offers and not v.work_systems_verified:
            unknown.append("work_systems")
    if not (ranker.customization in v.customizations or v.customizations_verified):
        unknown.append("customizations")
    if (W.SIZE_CAPACITY.get(v.size_band) if v.size_band else None) is None:
        unknown.append("size_band")
    if "price" in ranker.weights and v.price_min_idr is None and v.price_max_idr is None:
        unknown.append("price")
    return former_values(ranker, v, loc), unknown, loc


def reference(answers, records, target):
    """The former ranking, vendor by vendor."""
    must = MustHaves(answers)
    eligible = [v for v in records if not must.failed(v)]
    excluded = [(v, must.failed(v)) for v in records if must.failed(v)]
    ranker = Ranker(answers, *target)
    scored = sorted(
        ((former_score(ranker, v), v) for v in eligible),
        key=lambda row: (-row[0], row[1].name, row[1].slug),
    )[: W.MAX_RANKED]
    ranks = competition_ranks([score for score, _v in scored])
    breakdowns = [former_breakdown(ranker, v) for _s, v in scored]
    shown = sorted(excluded, key=lambda row: (row[1] == ("services",), row[0].name, row[0].slug))
    best = max((len(v.services & must.requested) for v in eligible), default=0)
    return {
        "vendors": [(v.slug, v.name, s, r) for (s, v), r in zip(scored, ranks, strict=True)],
        "breakdowns": [
            (json.dumps(crit), tuple(unknown), loc) for crit, unknown, loc in breakdowns
        ],
        "excluded": [
            (v.slug, tuple(t.msgid for t in must.reasons(v, codes)))
            for v, codes in shown[: W.MAX_EXCLUDED]
        ],
        "eligible": len(eligible),
        "best": best / len(must.requested),
        "countries": frozenset(c for v in eligible for c in v.delivery_countries),
        "languages": frozenset(lang for v in eligible for lang in v.languages),
        "all_scores": {v.slug: former_score(ranker, v) for v in eligible},
    }


def columns(answers, records, target):
    catalog = Catalog(records)
    screened = screen(answers, catalog)
    ranking = rank(
        answers,
        screened,
        target_location=target[0],
        target_work_system=target[1],
        target_customization=target[2],
    )
    scores = Ranker(answers, *target).scores(catalog, screened.eligible)
    return {
        "vendors": [(v.slug, v.name, v.score, v.rank) for v in ranking.vendors],
        "breakdowns": [
            (json.dumps(v.criteria), v.unknown, v.location_model) for v in ranking.vendors
        ],
        "excluded": [(e.slug, tuple(t.msgid for t in e.reasons)) for e in ranking.excluded],
        "eligible": ranking.eligible_total,
        "best": screened.best_coverage,
        "countries": screened.countries,
        "languages": screened.languages,
        "all_scores": {
            catalog.records[p].slug: float(s)
            for p, s in zip(screened.eligible, scores, strict=True)
        },
    }


def synthetic(n: int, seed: int) -> list[VendorRecord]:
    """A catalog with many exact ties, unknowns and prices around the budgets."""
    rng = random.Random(seed)
    services = sorted(TAXONOMY.service_functions)
    countries = ["ID", "ID", "MY", "SG", "PH", "IN", "DE", "US"]
    out = []
    for i in range(n):
        low = rng.choice([None, rng.randrange(2, 40) * 1_000_000])
        out.append(
            VendorRecord(
                slug=f"v{i:05d}",
                name=rng.choice(["Alpha", "Beta", "Gamma", f"Vendor {i % 97}"]),
                services=frozenset(rng.sample(services, rng.randint(1, 5))),
                delivery_countries=tuple(rng.sample(countries, rng.randint(0, 3))),
                delivery_countries_verified=rng.random() < 0.5,
                industries=frozenset(rng.sample(sorted(TAXONOMY.industries), rng.randint(0, 3))),
                industries_verified=rng.random() < 0.5,
                certifications=frozenset(
                    rng.sample(sorted(TAXONOMY.certifications), rng.randint(0, 3))
                ),
                certifications_verified=rng.random() < 0.5,
                languages=frozenset(rng.sample(sorted(TAXONOMY.languages), rng.randint(0, 3))),
                languages_verified=rng.random() < 0.5,
                work_systems=frozenset(
                    rng.sample(["hybrid", "cloud_based", "multi_sourcing"], rng.randint(0, 2))
                ),
                work_systems_verified=rng.random() < 0.5,
                customizations=frozenset(rng.sample(["standard", "customized"], rng.randint(0, 2))),
                customizations_verified=rng.random() < 0.5,
                coverage=rng.choice([None, "business_hours", "extended", "24_7", "odd"]),
                size_band=rng.choice([None, "small", "medium", "large", "enterprise", "huge"]),
                price_min_idr=low,
                price_max_idr=rng.choice([None, (low or 5_000_000) + rng.randrange(0, 9_000_000)]),
            )
        )
    return out


@pytest.mark.parametrize("name", sorted(CLIENTS))
def test_personas_rank_exactly_as_before(name):
    answers = parse_answers(base_answers(**CLIENTS[name][0]), TAXONOMY)
    records = VENDORS + synthetic(400, seed=len(name))
    for target in TARGETS:
        assert columns(answers, records, target) == reference(answers, records, target), target


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=valid_answers,
    vendors=st.lists(vendor_records, max_size=30),
    target=st.sampled_from(TARGETS),
    seed=st.integers(0, 10_000),
    data_abroad_ok=st.sampled_from([None, True, False]),
)
def test_random_catalogs_rank_exactly_as_before(answers, vendors, target, seed, data_abroad_ok):
    # The data-stays-in-Indonesia must-have (regulation.data_abroad_ok false) included.
    answers = {**answers, "regulation": {"data_abroad_ok": data_abroad_ok}}
    parsed = parse_answers(answers, TAXONOMY)
    records = VENDORS + vendors + synthetic(60, seed)
    assert columns(parsed, records, target) == reference(parsed, records, target)


def test_a_result_from_columns_equals_one_from_records():
    """recommend() takes the catalog's columns or plain records: the same result."""
    answers = parse_answers(base_answers(), TAXONOMY)
    records = VENDORS + synthetic(300, seed=3)
    from_records = recommend(answers, TAXONOMY, records).to_data()
    from_columns = recommend(answers, TAXONOMY, Catalog(records)).to_data()
    assert from_records == from_columns


def test_an_empty_catalog_ranks_nobody():
    answers = parse_answers(base_answers(), TAXONOMY)
    result = recommend(answers, TAXONOMY, Catalog([])).to_data()
    assert result["vendors"] == [] and result["vendors_total"] == 0
