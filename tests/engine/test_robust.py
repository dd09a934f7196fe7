"""How sure the ranking is (issue 9): acceptability, weight stability, decisive unknowns, and
weights the buyer sets. Pure engine, no database."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.engine import AnswerErrors, parse_answers, recommend, robust
from assessment.engine import weights as W
from assessment.engine.rank import VendorMatch, competition_ranks, weighted_score
from assessment.engine.robust import (
    CRITERION_OF,
    _best_and_third,
    _matrix,
    acceptability,
    decisive_unknowns,
    weight_stability,
)
from tests.factories import base_answers

KEYS = ["services", "industry", "location", "security", "price"]


def _vendor(slug, crit, unknown=()):
    return VendorMatch(slug, slug.upper(), 0.0, 1, "onshore", (), (), dict(crit), tuple(unknown))


def _ranked(vendors, weights):
    scored = sorted(
        ((weighted_score(weights, v.criteria), v) for v in vendors), key=lambda p: -p[0]
    )
    ranks = competition_ranks([s for s, _v in scored])
    return tuple(
        VendorMatch(v.slug, v.name, s, r, v.location_model, (), (), v.criteria, v.unknown)
        for (s, v), r in zip(scored, ranks, strict=True)
    )


EVEN = dict.fromkeys(KEYS, 1 / len(KEYS))


def test_acceptability_sums_to_one_and_stays_in_bounds():
    vendors = _ranked(
        [
            _vendor("a", dict.fromkeys(KEYS, 0.5), ["industries", "price"]),
            _vendor("b", dict.fromkeys(KEYS, 0.5), ["industries", "price"]),
            _vendor("c", {**dict.fromkeys(KEYS, 0.5), "services": 1.0}, ["industries"]),
            _vendor("d", dict.fromkeys(KEYS, 0.2)),
        ],
        EVEN,
    )
    result = acceptability(vendors, EVEN)
    assert math.isclose(sum(a.first for a in result), 1.0, abs_tol=1e-3)
    assert all(0 <= a.first <= a.top3 <= 1 for a in result)
    assert acceptability(vendors, EVEN) == result  # a fixed seed: reproducible


def test_a_known_leader_with_fixed_weights_is_first_in_every_world():
    vendors = _ranked(
        [_vendor("a", dict.fromkeys(KEYS, 0.9)), _vendor("b", dict.fromkeys(KEYS, 0.4))], EVEN
    )
    first = {a.slug: a.first for a in acceptability(vendors, EVEN, spread=0.0)}
    assert first == {"a": 1.0, "b": 0.0}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(0, 1), min_size=len(KEYS), max_size=len(KEYS)),
    st.lists(st.floats(0, 1), min_size=len(KEYS), max_size=len(KEYS)),
)
def test_a_vendor_that_dominates_another_is_never_less_acceptable(low, extra):
    """Dominance on every criterion needs every criterion known: an unknown one is drawn
    afresh for each vendor, so nothing dominates on it."""
    weaker = dict(zip(KEYS, low, strict=True))
    stronger = {k: min(1.0, weaker[k] + e) for k, e in zip(KEYS, extra, strict=True)}
    vendors = _ranked([_vendor("s", stronger), _vendor("w", weaker)], EVEN)
    result = {a.slug: a for a in acceptability(vendors, EVEN, samples=400)}
    assert result["s"].first >= result["w"].first
    assert result["s"].top3 >= result["w"].top3


def _drawn_afresh(vendors, weights, samples, spread, seed):
    """The analysis written plainly, each world drawn from a new generator in the order the
    engine reads it (the worlds' weight factors, then one row of draws per open cell,
    criterion by criterion): the oracle for the numbers the engine keeps between calls."""
    keys = list(weights)
    values, open_ = _matrix(vendors, keys)
    rng = np.random.default_rng(seed)
    factors = rng.uniform(1 - spread, 1 + spread, size=(samples, len(keys)))
    columns, rows = np.nonzero(open_.T)
    drawn = rng.random(size=(len(rows), samples))
    base = np.array([weights[k] for k in keys])
    first = np.zeros(len(vendors))
    top3 = np.zeros(len(vendors))
    for world in range(samples):
        filled = values.copy()
        filled[rows, columns] = drawn[:, world]
        w = base * factors[world]
        scores = filled @ w / w.sum()
        leaders = scores >= scores.max() - 1e-9
        first += leaders / leaders.sum()
        third = np.sort(scores)[-3] if len(vendors) > 3 else -np.inf
        top3 += scores >= third - 1e-9
    return [
        (v.slug, round(f / samples, 4), round(t / samples, 4))
        for v, f, t in zip(vendors, first, top3, strict=True)
    ]


# Up to 12 vendors: each criterion's value from a few levels (ties are frequent) and the
# attributes the catalog does not know.
VENDOR_ROWS = st.lists(
    st.tuples(
        st.lists(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]), min_size=5, max_size=5),
        st.lists(st.sampled_from(sorted(CRITERION_OF)), max_size=5, unique=True),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=25, deadline=None)
@given(
    VENDOR_ROWS,
    st.sampled_from([(300, 0.25, 1), (200, 0.0, 2), (250, 0.1, W.ROBUSTNESS_SEED)]),
)
def test_acceptability_equals_the_worlds_drawn_afresh(rows, setting):
    """The engine draws its numbers once per process and reads them again; whatever was
    asked before (the stream grows to the longest request), the figures are those of a
    new generator."""
    samples, spread, seed = setting
    vendors = _ranked(
        [
            _vendor(f"v{i}", dict(zip(KEYS, crit, strict=True)), unknown)
            for i, (crit, unknown) in enumerate(rows)
        ],
        EVEN,
    )
    found = acceptability(vendors, EVEN, samples=samples, spread=spread, seed=seed)
    assert [(a.slug, a.first, a.top3) for a in found] == _drawn_afresh(
        vendors, EVEN, samples, spread, seed
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.floats(0, 1), min_size=len(KEYS), max_size=len(KEYS)), min_size=2, max_size=5
    ),
    st.lists(st.floats(0.05, 1), min_size=len(KEYS), max_size=len(KEYS)),
)
def test_weight_stability_matches_brute_force(rows, raw_weights):
    total = sum(raw_weights)
    weights = {k: w / total for k, w in zip(KEYS, raw_weights, strict=True)}

    def exact(crit, m, j):
        w = {k: v * (m if k == KEYS[j] else 1) for k, v in weights.items()}
        return sum(w[k] * crit[k] for k in KEYS) / sum(w.values())

    vendors = [_vendor(f"v{i}", dict(zip(KEYS, r, strict=True))) for i, r in enumerate(rows)]
    vendors.sort(key=lambda v: -exact(v.criteria, 1, 0))
    if abs(exact(vendors[0].criteria, 1, 0) - exact(vendors[1].criteria, 1, 0)) < 1e-6:
        return  # a tie for first has no stable leader to test
    ranked = tuple(vendors)
    for j, stability in enumerate(weight_stability(ranked, weights)):
        low = stability.low or 0.0
        high = stability.high if stability.high is not None else math.inf
        for m in (0.0, 0.1, 0.5, 0.9, 1.0, 1.5, 2.0, 4.0, 10.0):
            if min(abs(m - low), abs(m - high)) < 1e-3:
                continue  # on the boundary the two tie
            leader = exact(ranked[0].criteria, m, j)
            stays = all(leader >= exact(v.criteria, m, j) - 1e-12 for v in ranked[1:])
            assert stays == (low <= m <= high), (stability, m)


def test_decisive_unknowns_are_those_that_move_a_vendor_across_first_or_the_top_three():
    vendors = _ranked(
        [
            _vendor("a", {**dict.fromkeys(KEYS, 0.5)}, ["price"]),
            _vendor("b", {**dict.fromkeys(KEYS, 0.5)}, ["price"]),
            _vendor("c", {**dict.fromkeys(KEYS, 0.5), "services": 0.45}, ["certifications"]),
            _vendor("d", {**dict.fromkeys(KEYS, 0.1)}, []),
        ],
        EVEN,
    )
    found = {(d.slug, d.attribute): d for d in decisive_unknowns(vendors, EVEN)}
    # Checked by re-ranking with the attribute set.
    for (slug, attribute), d in found.items():
        criterion = {"price": "price", "certifications": "security"}[attribute]
        index = next(i for i, v in enumerate(vendors) if v.slug == slug)
        for value, expected in ((1.0, d.rank_if_favourable), (0.0, d.rank_if_unfavourable)):
            score = weighted_score(EVEN, {**vendors[index].criteria, criterion: value})
            others = [v.score for i, v in enumerate(vendors) if i != index]
            assert 1 + sum(s > score for s in others) == expected
    # a and b tie for first on everything but an unknown price: it decides between them.
    assert ("a", "price") in found and ("b", "price") in found
    assert found[("a", "price")].rank_if_unfavourable > 1
    assert ("d", "certifications") not in found


def test_the_buyer_can_set_criterion_weights(taxonomy, source_vendors):
    plain = recommend(parse_answers(base_answers(), taxonomy), taxonomy, source_vendors)
    heavy = recommend(
        parse_answers(base_answers(criteria_weights={"location": 10, "services": 1}), taxonomy),
        taxonomy,
        source_vendors,
    )
    assert math.isclose(sum(plain.ranking.weights.values()), 1.0)
    assert math.isclose(sum(heavy.ranking.weights.values()), 1.0)
    assert heavy.ranking.points["location"] == 10 and heavy.ranking.points["services"] == 1
    assert heavy.ranking.weights["location"] > plain.ranking.weights["location"]
    data = heavy.to_data()
    assert set(data["weights"]) == set(data["vendors"][0]["criteria"])
    assert data["robustness"]["samples"] == 2000


@pytest.mark.parametrize(
    ("weights", "path"),
    [
        ({"safety": 3}, "criteria_weights.safety"),
        ({"services": 11}, "criteria_weights.services"),
        ({"services": 2.5}, "criteria_weights.services"),
        ({"services": 0, "price": 0}, "criteria_weights"),
        ("heavy", "criteria_weights"),
    ],
)
def test_bad_criterion_weights_are_refused_by_field(taxonomy, weights, path):
    with pytest.raises(AnswerErrors) as error:
        parse_answers(base_answers(criteria_weights=weights), taxonomy)
    assert path in error.value.errors


def test_numbers_beyond_what_the_engine_keeps_are_drawn_afresh(monkeypatch):
    """A call larger than the engine ever makes gets the same numbers without the process
    keeping them."""
    monkeypatch.setattr(robust._Stream, "KEPT_AT_MOST", 1_000)
    seed = 424242
    vendors = _ranked(
        [_vendor(f"v{i}", dict.fromkeys(KEYS, i / 10), ["industries", "price"]) for i in range(5)],
        EVEN,
    )
    found = acceptability(vendors, EVEN, samples=300, spread=0.25, seed=seed)
    assert [(a.slug, a.first, a.top3) for a in found] == _drawn_afresh(
        vendors, EVEN, 300, 0.25, seed
    )
    assert len(robust._stream(seed)._numbers) == 0


@settings(max_examples=80, deadline=None)
@given(
    st.integers(1, 60),
    st.integers(1, 40),
    st.sampled_from([(0.0, 0.5, 1.0), (0.2, 0.4), (0.1, 0.25, 0.3, 0.7, 0.9)]),
    st.integers(0, 2**32 - 1),
)
def test_the_best_and_third_scores_of_each_world_are_exact(vendors, worlds, levels, seed):
    """Ties are frequent (scores from a few levels): the third-highest counts repeats,
    as a partition of the column does."""
    scores = np.random.default_rng(seed).choice(levels, size=(vendors, worlds))
    best, third = _best_and_third(scores)
    assert np.array_equal(best, scores.max(axis=0))
    if vendors >= 3:
        assert np.array_equal(third, np.partition(scores, -3, axis=0)[-3])


@settings(max_examples=60, deadline=None)
@given(
    VENDOR_ROWS,
)
def test_decisive_unknowns_count_the_vendors_above_as_a_re_ranking_does(rows):
    """The rank if favourable or not is one plus the other vendors that score strictly
    higher, counted one by one here (ties are frequent: a few levels)."""
    vendors = _ranked(
        [
            _vendor(f"v{i}", dict(zip(KEYS, crit, strict=True)), unknown)
            for i, (crit, unknown) in enumerate(rows)
        ],
        EVEN,
    )
    scores = [v.score for v in vendors]
    ranks = competition_ranks(scores)
    expected = []
    for index, vendor in enumerate(vendors[: W.SHORTLIST]):
        for attribute in vendor.unknown:
            criterion = CRITERION_OF[attribute]
            if criterion not in EVEN:
                continue
            fav, unfav = (
                1
                + sum(
                    s > weighted_score(EVEN, {**vendor.criteria, criterion: value})
                    for i, s in enumerate(scores)
                    if i != index
                )
                for value in (1.0, 0.0)
            )
            now = ranks[index]
            moves = {fav == 1, unfav == 1} != {now == 1} or {fav <= 3, unfav <= 3} != {now <= 3}
            if moves or (now == 1 and ranks.count(1) > 1 and fav != unfav):
                expected.append((vendor.slug, attribute, fav, unfav))
    found = decisive_unknowns(vendors, EVEN)
    assert sorted(
        (d.slug, d.attribute, d.rank_if_favourable, d.rank_if_unfavourable) for d in found
    ) == sorted(expected)
    swings = [d.rank_if_unfavourable - d.rank_if_favourable for d in found]
    assert swings == sorted(swings, reverse=True)
