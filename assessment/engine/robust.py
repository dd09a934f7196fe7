"""How sure the ranking is: rank acceptability, weight stability and decisive unknowns.

Pure and deterministic (a fixed seed). Scores are linear in the weights (rank.weighted_score),
which makes weight stability exact. What the catalog does not know about a vendor is not
fixed at the neutral value here: in each plausible world it takes any value from 0 to 1.
Methods follow SMAA (stochastic multicriteria acceptability analysis: Lahdelma and Salminen):
the share of worlds in which a vendor is first is its first-rank acceptability.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from . import weights as W
from .codes import Attribute, Criterion
from .rank import VendorMatch, competition_ranks, weighted_score

# Which criterion an unknown attribute leaves open.
CRITERION_OF = {
    Attribute.INDUSTRIES: Criterion.INDUSTRY,
    Attribute.DELIVERY_COUNTRIES: Criterion.LOCATION,
    Attribute.COVERAGE: Criterion.COVERAGE,
    Attribute.CERTIFICATIONS: Criterion.SECURITY,
    Attribute.LANGUAGES: Criterion.LANGUAGE,
    Attribute.WORK_SYSTEMS: Criterion.WORK_SYSTEM,
    Attribute.CUSTOMIZATIONS: Criterion.CUSTOMIZATION,
    Attribute.SIZE_BAND: Criterion.SIZE,
    Attribute.PRICE: Criterion.PRICE,
}
TOP = 3  # "in the top 3"


@dataclass(frozen=True)
class Acceptability:
    slug: str
    first: float
    top3: float


@dataclass(frozen=True)
class Stability:
    criterion: str
    low: float | None  # None: the weight can fall to zero and the first stays first
    high: float | None  # None: no increase unseats it


@dataclass(frozen=True)
class Decisive:
    slug: str
    attribute: str
    rank_if_favourable: int
    rank_if_unfavourable: int


@dataclass(frozen=True)
class Robustness:
    samples: int
    acceptability: tuple[Acceptability, ...]
    weight_stability: tuple[Stability, ...]
    decisive_unknowns: tuple[Decisive, ...]


def _matrix(vendors: tuple[VendorMatch, ...], keys: list[str]):
    values = np.array([[v.criteria[k] for k in keys] for v in vendors], dtype=float)
    open_ = np.zeros_like(values, dtype=bool)
    column = {key: j for j, key in enumerate(keys)}
    for i, vendor in enumerate(vendors):
        for attribute in vendor.unknown:
            j = column.get(CRITERION_OF.get(attribute))
            if j is not None:
                open_[i, j] = True
    return values, open_


class _Stream:
    """The seeded generator's numbers, drawn once per process and read again by every call.

    ``acceptability`` reads one fixed sequence of uniform draws: first the worlds' weight
    factors, then one row of draws per open cell. Drawing them costs more than the rest of
    the analysis, and every call with the same seed reads the same numbers, so they are
    drawn once and kept. The stream only grows, by continuing the same generator, to the
    longest prefix asked for (at most ``MAX_RANKED`` vendors x every open attribute x the
    samples: about 7 MB), and a prefix is the same numbers however it was grown: results
    are identical to drawing afresh on every call (tests/engine/test_robust.py)."""

    # Beyond this many numbers (a call outside the engine's limits) they are drawn afresh
    # and not kept: the same numbers, without holding memory for them.
    KEPT_AT_MOST = W.ROBUSTNESS_SAMPLES * (len(Criterion) + W.MAX_RANKED * len(CRITERION_OF))

    def __init__(self, seed: int):
        self._seed = seed
        self._generator = np.random.default_rng(seed)
        self._numbers = np.empty(0)
        self._lock = threading.Lock()

    def prefix(self, length: int) -> np.ndarray:
        if length > self.KEPT_AT_MOST:
            return np.random.default_rng(self._seed).random(length)
        numbers = self._numbers
        if len(numbers) < length:
            with self._lock:
                numbers = self._numbers
                if len(numbers) < length:
                    more = self._generator.random(length - len(numbers))
                    numbers = self._numbers = np.concatenate((numbers, more))
        return numbers[:length]


_streams: dict[int, _Stream] = {}
_streams_lock = threading.Lock()


def _stream(seed: int) -> _Stream:
    stream = _streams.get(seed)
    if stream is None:
        with _streams_lock:
            stream = _streams.get(seed) or _streams.setdefault(seed, _Stream(seed))
    return stream


def _best_and_third(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each column's highest and third-highest value, repeats counted (as
    ``np.partition(scores, -3, axis=0)[-3]``): the three highest so far are carried down
    the rows, each row compared in turn. Maxima and minima of the same numbers, so exact;
    one pass, with no copy of the scores."""
    first = np.full(scores.shape[1], -np.inf)
    second = first.copy()
    third = first.copy()
    lower = np.empty_like(first)
    for row in scores:
        np.minimum(first, row, out=lower)
        np.maximum(first, row, out=first)
        np.maximum(third, np.minimum(second, lower), out=third)
        np.maximum(second, lower, out=second)
    return first, third


def acceptability(
    vendors: tuple[VendorMatch, ...],
    weights: dict[str, float],
    samples: int = W.ROBUSTNESS_SAMPLES,
    spread: float = W.ROBUSTNESS_WEIGHT_SPREAD,
    seed: int = W.ROBUSTNESS_SEED,
    matrix: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[Acceptability, ...]:
    """Share of plausible worlds in which each vendor is first and in the top 3. A tie for
    first shares the world between the tied vendors, so the firsts sum to 1. ``matrix``:
    ``_matrix(vendors, list(weights))``, when the caller has it already."""
    if not vendors:
        return ()
    keys = list(weights)
    values, open_ = matrix or _matrix(vendors, keys)
    # The seeded generator's sequence: the weight factors (worlds x criteria, uniform on
    # [1 - spread, 1 + spread)), then one row of draws per open cell, uniform on [0, 1).
    columns, rows = np.nonzero(open_.T)  # the open cells, criterion by criterion
    head = samples * len(keys)
    numbers = _stream(seed).prefix(head + len(rows) * samples)
    low, high = 1 - spread, 1 + spread
    factors = low + (high - low) * numbers[:head].reshape(samples, len(keys))
    base = np.array([weights[k] for k in keys])
    # Laid out vendors × worlds, so that every large step runs along contiguous memory.
    world_weights = np.ascontiguousarray((base * factors).T)  # (criteria, samples)
    # Known values are the same in every world: their part of each score is one product.
    # Only the open cells are drawn, and added to their vendor.
    scores = np.where(open_, 0.0, values) @ world_weights  # (vendors, samples)
    # The open cells, criterion by criterion: each cell's row of draws is weighted by its
    # criterion's row of world weights and added to its vendor's row. One row at a time
    # (a few kilobytes, in the processor's nearest cache, through one reused buffer) rather
    # than each criterion's block gathered, added and scattered back: a third faster at 50
    # vendors, and the same additions in the same order, so the same floats.
    if len(rows):
        drawn = numbers[head:].reshape(len(rows), samples)  # (open cells, samples)
        product = np.empty(samples)
        score_rows, weight_rows = list(scores), list(world_weights)
        for draws, row, column in zip(drawn, rows.tolist(), columns.tolist(), strict=True):
            np.multiply(draws, weight_rows[column], out=product)
            np.add(score_rows[row], product, out=score_rows[row])
    scores /= world_weights.sum(axis=0)
    best, third = _best_and_third(scores)
    at_top = (best - scores) <= 1e-12  # a tie for first shares the world
    leaders = at_top.sum(axis=0)
    if leaders.max() == 1:  # no tie for first in any world: a count, the same figure
        first = at_top.sum(axis=1) / samples
    else:
        first = (at_top / leaders).sum(axis=1) / samples
    # In the top 3: fewer than three vendors score strictly higher, i.e. at least the
    # third-highest score of that world (ties share the place).
    if len(vendors) > TOP:
        top3 = (scores >= third - 1e-12).sum(axis=1) / samples
    else:
        top3 = np.ones(len(vendors))
    return tuple(
        Acceptability(v.slug, round(float(first[i]), 4), round(float(top3[i]), 4))
        for i, v in enumerate(vendors)
    )


def weight_stability(
    vendors: tuple[VendorMatch, ...],
    weights: dict[str, float],
    matrix: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[Stability, ...]:
    """For each criterion, the multipliers of its weight (the others unchanged) between which
    today's first vendor keeps the highest score. Exact: both scores are linear in the
    multiplier over the same positive denominator."""
    if len(vendors) < 2:
        return ()
    keys = list(weights)
    values, _open = matrix or _matrix(vendors, keys)
    w = np.array([weights[k] for k in keys])
    leader, others = values[0], values[1:]
    # For every criterion j at once: the scores without criterion j's term (d0) and the
    # gap criterion j's term adds (d1), leader minus each other vendor.
    lead_rest = leader @ w - leader * w  # (criteria,)
    other_rest = (others @ w)[:, None] - others * w  # (others, criteria)
    d0 = lead_rest[None, :] - other_rest
    d1 = w[None, :] * (leader[None, :] - others)
    separates = np.abs(d1) >= W.ROBUSTNESS_EPSILON  # elsewhere the weight does not matter
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        bound = np.where(separates, -d0 / d1, np.nan)
    raises = separates & (d1 > 0)  # the leader gains with the weight: a floor below it
    lowers = separates & (d1 < 0)  # it loses: a ceiling above it
    lows = np.max(np.where(raises, bound, 0.0), axis=0, initial=0.0)
    highs = np.min(np.where(lowers, bound, np.inf), axis=0, initial=np.inf)
    out = [
        Stability(
            key,
            round(float(lows[j]), 4) if lows[j] > 0 else None,
            round(float(highs[j]), 4) if np.isfinite(highs[j]) else None,
        )
        for j, key in enumerate(keys)
    ]
    return tuple(out)


def decisive_unknowns(
    vendors: tuple[VendorMatch, ...], weights: dict[str, float], top: int = W.SHORTLIST
) -> tuple[Decisive, ...]:
    """Unknown attributes of the top vendors that, resolved favourably (1.0) or not (0.0),
    move the vendor into or out of first place or the top 3."""
    scores = [v.score for v in vendors]
    ranks = competition_ranks(scores)
    ascending = sorted(scores)
    found = []
    for index, vendor in enumerate(vendors[:top]):
        for attribute in vendor.unknown:
            criterion = CRITERION_OF.get(attribute)
            if criterion not in weights:
                continue
            outcome = []
            for value in (1.0, 0.0):
                changed = {**vendor.criteria, criterion: value}
                score = weighted_score(weights, changed)
                # The other vendors scoring strictly higher: all of them, less this one's
                # own score today where that is higher.
                higher = len(ascending) - bisect_right(ascending, score)
                outcome.append(1 + higher - (scores[index] > score))
            favourable, unfavourable = outcome
            now = ranks[index]
            crosses_first = (favourable == 1) != (now == 1) or (unfavourable == 1) != (now == 1)
            # A tie for first broken either way also decides who is first.
            tied_first = now == 1 and ranks.count(1) > 1
            crosses_top = (favourable <= TOP) != (now <= TOP) or (unfavourable <= TOP) != (
                now <= TOP
            )
            if crosses_first or crosses_top or (tied_first and favourable != unfavourable):
                found.append(Decisive(vendor.slug, str(attribute), favourable, unfavourable))
    # The strongest first: the widest swing in rank between the two answers.
    found.sort(key=lambda d: -(d.rank_if_unfavourable - d.rank_if_favourable))
    return tuple(found)


def robustness(vendors: tuple[VendorMatch, ...], weights: dict[str, float]) -> Robustness:
    matrix = _matrix(vendors, list(weights))  # read by both analyses: built once
    return Robustness(
        samples=W.ROBUSTNESS_SAMPLES,
        acceptability=acceptability(vendors, weights, matrix=matrix),
        weight_stability=weight_stability(vendors, weights, matrix=matrix),
        decisive_unknowns=decisive_unknowns(vendors, weights),
    )
