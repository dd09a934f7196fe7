"""How sure the ranking is: rank acceptability, weight stability and decisive unknowns.

Pure and deterministic (a fixed seed). Scores are linear in the weights (rank.weighted_score),
which makes weight stability exact. What the catalog does not know about a vendor is not
fixed at the neutral value here: in each plausible world it takes any value from 0 to 1.
Methods follow SMAA (stochastic multicriteria acceptability analysis: Lahdelma and Salminen):
the share of worlds in which a vendor is first is its first-rank acceptability.
"""

from __future__ import annotations

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
    for i, vendor in enumerate(vendors):
        for attribute in vendor.unknown:
            criterion = CRITERION_OF.get(attribute)
            if criterion in keys:
                open_[i, keys.index(criterion)] = True
    return values, open_


def acceptability(
    vendors: tuple[VendorMatch, ...],
    weights: dict[str, float],
    samples: int = W.ROBUSTNESS_SAMPLES,
    spread: float = W.ROBUSTNESS_WEIGHT_SPREAD,
    seed: int = W.ROBUSTNESS_SEED,
) -> tuple[Acceptability, ...]:
    """Share of plausible worlds in which each vendor is first and in the top 3. A tie for
    first shares the world between the tied vendors, so the firsts sum to 1."""
    if not vendors:
        return ()
    keys = list(weights)
    values, open_ = _matrix(vendors, keys)
    rng = np.random.default_rng(seed)
    base = np.array([weights[k] for k in keys])
    factors = rng.uniform(1 - spread, 1 + spread, size=(samples, len(keys)))
    world_weights = base * factors  # (samples, criteria)
    # The same numbers as rng.uniform(0.0, 1.0, ...), written over in place where the value
    # is known: no second array of samples × vendors × criteria.
    world_values = rng.random(size=(samples, *values.shape))  # (samples, vendors, criteria)
    np.copyto(world_values, values, where=~open_)
    scores = (
        np.einsum("svk,sk->sv", world_values, world_weights) / world_weights.sum(axis=1)[:, None]
    )
    best = scores.max(axis=1, keepdims=True)
    at_top = np.isclose(scores, best, rtol=0, atol=1e-12)
    first = (at_top / at_top.sum(axis=1, keepdims=True)).sum(axis=0) / samples
    # In the top 3: fewer than three vendors score strictly higher, i.e. at least the
    # third-highest score of that world (ties share the place).
    if len(vendors) > TOP:
        third = np.partition(scores, -TOP, axis=1)[:, -TOP][:, None]
        top3 = (scores >= third - 1e-12).sum(axis=0) / samples
    else:
        top3 = np.ones(len(vendors))
    return tuple(
        Acceptability(v.slug, round(float(first[i]), 4), round(float(top3[i]), 4))
        for i, v in enumerate(vendors)
    )


def weight_stability(
    vendors: tuple[VendorMatch, ...], weights: dict[str, float]
) -> tuple[Stability, ...]:
    """For each criterion, the multipliers of its weight (the others unchanged) between which
    today's first vendor keeps the highest score. Exact: both scores are linear in the
    multiplier over the same positive denominator."""
    if len(vendors) < 2:
        return ()
    keys = list(weights)
    values, _open = _matrix(vendors, keys)
    w = np.array([weights[k] for k in keys])
    leader = values[0]
    out = []
    for j, key in enumerate(keys):
        rest = np.delete(w, j)
        lead_rest = float(np.delete(leader, j) @ rest)
        low, high = 0.0, None
        for other in values[1:]:
            d0 = lead_rest - float(np.delete(other, j) @ rest)
            d1 = w[j] * (leader[j] - other[j])
            if abs(d1) < W.ROBUSTNESS_EPSILON:
                continue  # the weight does not separate the two
            if d1 > 0:
                low = max(low, -d0 / d1)
            elif d1 < 0:
                bound = d0 / -d1
                high = bound if high is None else min(high, bound)
        out.append(
            Stability(
                key,
                round(low, 4) if low > 0 else None,
                round(high, 4) if high is not None else None,
            )
        )
    return tuple(out)


def decisive_unknowns(
    vendors: tuple[VendorMatch, ...], weights: dict[str, float], top: int = W.SHORTLIST
) -> tuple[Decisive, ...]:
    """Unknown attributes of the top vendors that, resolved favourably (1.0) or not (0.0),
    move the vendor into or out of first place or the top 3."""
    scores = [v.score for v in vendors]
    ranks = competition_ranks(scores)
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
                others = [s for i, s in enumerate(scores) if i != index]
                outcome.append(1 + sum(s > score for s in others))
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
    return Robustness(
        samples=W.ROBUSTNESS_SAMPLES,
        acceptability=acceptability(vendors, weights),
        weight_stability=weight_stability(vendors, weights),
        decisive_unknowns=decisive_unknowns(vendors, weights),
    )
