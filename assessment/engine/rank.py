"""Vendor ranking: must-haves exclude, weighted criteria score 0-100, unknowns stay neutral.

Two steps: ``screen`` applies the must-haves (which depend on the answers only) to the whole
catalog and learns how much of the request the best vendor covers, which the decision needs;
``rank`` then scores the eligible vendors against the recommendation. Both work on the
catalog's columns (catalog.py), every vendor at once; the few vendors that are shown take
their breakdown from the same columns, with their unknown attributes (``Ranker.unknown``).
The former per-vendor scoring is kept in tests/engine/test_columns.py as the oracle the
columns are held equal to, to the bit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from . import places
from . import weights as W
from .answers import Answers, Taxonomy
from .catalog import Catalog, as_catalog, best_first
from .codes import Attribute, Criterion, Location, Strength
from .records import VendorRecord
from .text import Name, Text, _, names_list

LOCATION_DISTANCE = {Location.ONSHORE: 0, Location.NEARSHORE: 1, Location.OFFSHORE: 2}


@dataclass(frozen=True)
class VendorMatch:
    slug: str
    name: str
    score: float
    rank: int  # 1-based; equal scores share a rank (1, 2, 2, 4)
    location_model: str | None
    matched_services: tuple[str, ...]
    missing_services: tuple[str, ...]
    criteria: dict[str, float]
    unknown: tuple[str, ...]
    strength: str = Strength.GOOD  # weak: a match on the service label alone


@dataclass(frozen=True)
class Exclusion:
    slug: str
    name: str
    reasons: tuple[Text, ...]


@dataclass(frozen=True)
class Ranking:
    vendors: tuple[VendorMatch, ...]
    excluded: tuple[Exclusion, ...]
    eligible_total: int
    excluded_total: int
    weights: dict[str, float] = field(default_factory=dict)  # used, summing to 1
    points: dict[str, float] = field(default_factory=dict)  # the same on the 0-10 scale


@dataclass(frozen=True)
class Screen:
    """The catalog after the must-haves: who may be ranked, who is out and why."""

    catalog: Catalog
    eligible: np.ndarray  # positions in the catalog
    excluded: np.ndarray
    failed: dict[str, np.ndarray]  # must-have code -> which vendors are known to fail it
    best_coverage: float  # the largest share of the requested services one eligible vendor offers
    countries: frozenset[str] = frozenset()  # where the eligible vendors deliver from
    languages: frozenset[str] = frozenset()  # the languages eligible vendors work in

    @property
    def eligible_total(self) -> int:
        return int(self.eligible.size)

    @property
    def excluded_total(self) -> int:
        return int(self.excluded.size)

    @classmethod
    def nobody(cls, catalog: Catalog) -> Screen:
        """No vendor is ranked (nothing is asked of them)."""
        none = np.zeros(0, dtype=np.int64)
        return cls(catalog, none, none, {}, 0.0)

    def codes(self, position: int) -> tuple[str, ...]:
        return tuple(code for code, mask in self.failed.items() if mask[position])


def location_model(client_country: str, delivery_countries: tuple[str, ...]) -> str | None:
    """The closest relation any delivery country has to the client (None when unknown)."""
    if not delivery_countries:
        return None
    if client_country in delivery_countries:
        return Location.ONSHORE
    near = places.neighbours(client_country)
    if any(country in near for country in delivery_countries):
        return Location.NEARSHORE
    return Location.OFFSHORE


def weighted_score(weights: dict[str, float], crit: dict[str, float]) -> float:
    """0-100 with one decimal, half up. The results page's script (static/js/workspace.js)
    does the same operations in the same order, so the browser's scores equal these."""
    total = 0.0
    weighted = 0.0
    for key in crit:
        total += weights[key]
        weighted += weights[key] * crit[key]
    steps = W.SCORE_STEPS
    return math.floor(100 * steps * weighted / total + 0.5) / steps


def competition_ranks(scores: list[float]) -> list[int]:
    """Ranks for scores sorted best first: equal scores share a rank, the next rank skips
    (1, 2, 2, 4), so an exact tie never looks like an order."""
    ranks: list[int] = []
    for index, score in enumerate(scores):
        ranks.append(ranks[-1] if index and score == scores[index - 1] else index + 1)
    return ranks


DATA_HOME = "ID"  # where data that may not leave Indonesia must be processed


class MustHaves:
    """The must-haves, which depend on the answers only. ``taxonomy`` names the
    certifications and languages a vendor lacks in each interface language (without it,
    in the engine's own tests, their codes stand in, as ``Taxonomy.name`` spells them)."""

    def __init__(self, answers: Answers, taxonomy: Taxonomy | None = None):
        self.taxonomy = taxonomy or Taxonomy({}, frozenset(), frozenset(), frozenset(), frozenset())
        c = answers.constraints
        self.requested = frozenset(answers.services)
        self.required_certs = frozenset(c.required_certifications)
        self.required_langs = frozenset(c.languages)
        # The buyer answered that the data may not be processed outside Indonesia
        # (regulation.data_abroad_ok false): a vendor known to deliver only from abroad fails.
        reg = answers.regulation
        self.data_home = reg is not None and reg.data_abroad_ok is False
        # What a vendor lacks, named: excluded vendors often lack the same few codes.
        self._named: dict[tuple[str, frozenset[str]], Name] = {}

    def failed(self, vendor: VendorRecord) -> tuple[str, ...]:
        """Which must-haves the vendor is known to fail. Cheap: runs for every vendor."""
        codes: tuple[str, ...] = ()
        if self.requested.isdisjoint(vendor.services):
            codes = ("services",)
        if (
            vendor.certifications_verified
            and self.required_certs
            and not self.required_certs <= vendor.certifications
        ):
            codes += (Attribute.CERTIFICATIONS,)
        if (
            vendor.languages_verified
            and self.required_langs
            and not self.required_langs <= vendor.languages
        ):
            codes += (Attribute.LANGUAGES,)
        if self.data_home and (
            (vendor.delivery_countries_verified and DATA_HOME not in vendor.delivery_countries)
            or (vendor.data_locations_verified and DATA_HOME not in vendor.data_locations)
        ):
            codes += (Attribute.DELIVERY_COUNTRIES,)
        return codes

    def failed_columns(self, catalog: Catalog) -> dict[str, np.ndarray]:
        """The same as ``failed`` for every vendor at once: code -> who fails it."""
        listed = catalog.listed
        failed = {"services": listed["services"].count(self.requested) == 0}
        for code, required, attribute in (
            (Attribute.CERTIFICATIONS, self.required_certs, "certifications"),
            (Attribute.LANGUAGES, self.required_langs, "languages"),
        ):
            if required:
                holds_all = listed[attribute].count(required) == len(required)
                failed[code] = catalog.verified[attribute] & ~holds_all
            else:
                failed[code] = np.zeros(len(catalog), dtype=bool)
        failed[Attribute.DELIVERY_COUNTRIES] = (
            (catalog.verified["delivery_countries"] & (catalog.countries.count({DATA_HOME}) == 0))
            | (
                catalog.verified["data_locations"]
                & (catalog.data_locations.count({DATA_HOME}) == 0)
            )
            if self.data_home
            else np.zeros(len(catalog), dtype=bool)
        )
        return failed

    def reasons(self, vendor: VendorRecord, codes: tuple[str, ...]) -> tuple[Text, ...]:
        reasons = []
        if "services" in codes:
            reasons.append(_("offers none of the requested services"))
        if Attribute.CERTIFICATIONS in codes:
            missing = self._names("certification", self.required_certs - vendor.certifications)
            reasons.append(_("does not hold the required certification(s): %(list)s", list=missing))
        if Attribute.LANGUAGES in codes:
            missing = self._names("language", self.required_langs - vendor.languages)
            reasons.append(_("does not work in the required language(s): %(list)s", list=missing))
        if Attribute.DELIVERY_COUNTRIES in codes:
            reasons.append(
                _("delivers or keeps data only outside Indonesia, where your data may not go")
            )
        return tuple(reasons)

    def _names(self, kind: str, slugs: frozenset[str]) -> Name:
        """The names of ``slugs``, in the order of their codes, in each language."""
        named = self._named.get((kind, slugs))
        if named is None:
            named = names_list([self.taxonomy.name(kind, slug) for slug in sorted(slugs)])
            self._named[kind, slugs] = named
        return named


def screen(answers: Answers, vendors: Catalog | list[VendorRecord]) -> Screen:
    catalog = as_catalog(vendors)
    must = MustHaves(answers)
    failed = must.failed_columns(catalog)
    out = (
        failed["services"]
        | failed[Attribute.CERTIFICATIONS]
        | failed[Attribute.LANGUAGES]
        | failed[Attribute.DELIVERY_COUNTRIES]
    )
    eligible = np.flatnonzero(~out)
    matched = catalog.listed["services"].count(must.requested)
    best = int(matched[eligible].max()) if eligible.size else 0
    rows = np.zeros(len(catalog), dtype=bool)
    rows[eligible] = True
    return Screen(
        catalog,
        eligible,
        np.flatnonzero(out),
        failed,
        best / len(must.requested),
        catalog.countries.present(rows),
        catalog.listed["languages"].present(rows),
    )


class Ranker:
    def __init__(
        self,
        answers: Answers,
        target_location: str,
        target_work_system: str,
        target_customization: str,
        taxonomy: Taxonomy | None = None,
    ):
        self.answers = answers
        c = answers.constraints
        self.must = MustHaves(answers, taxonomy)
        self.requested = self.must.requested
        self.requested_order = answers.services
        self.country = answers.organisation.country
        self.industry = answers.organisation.industry
        self.required_certs = self.must.required_certs
        self.required_langs = self.must.required_langs
        self.coverage_needed = W.COVERAGE_RANK[c.coverage]
        self.target_location = target_location
        self.work_system = target_work_system
        self.customization = "customized" if target_customization == "customized" else "standard"
        self.fte = answers.scale.fte
        self.budget_per_fte = (
            c.monthly_budget_idr / answers.scale.fte if c.monthly_budget_idr else None
        )
        self.weights = self._weights()

    def _weights(self) -> dict[str, float]:
        weights = dict(W.BASE_CRITERION_WEIGHTS)
        for priority, criteria in W.PRIORITY_CRITERIA.items():
            factor = 1 + W.PRIORITY_STEP * (self.answers.priorities[priority] - W.PRIORITY_MIDDLE)
            for criterion in criteria:
                weights[criterion] *= factor
        if self.answers.constraints.data_sensitivity in ("confidential", "regulated"):
            weights[Criterion.SECURITY] *= W.SENSITIVE_SECURITY_FACTOR
        if not self.required_langs:
            del weights[Criterion.LANGUAGE]
        if self.budget_per_fte is None:
            del weights[Criterion.PRICE]
        if self.work_system not in ("cloud_based", "hybrid"):
            del weights[Criterion.WORK_SYSTEM]  # any vendor can be one of several, or the only one
        # On the buyer's 0-10 scale the heaviest derived criterion is 10; weights the buyer
        # set replace the derived ones (questionnaire.md, "Decision workspace").
        heaviest = max(weights.values())
        points = {k: v / heaviest * W.WEIGHT_POINTS_MAX for k, v in weights.items()}
        derived = dict(points)
        for criterion, value in self.answers.criteria_weights.items():
            if criterion in points:
                points[criterion] = float(value)
        if not sum(points.values()):
            points = derived  # every scored criterion set to 0: nothing to rank by
        self.points = points
        total = sum(points.values())
        return {k: v / total for k, v in points.items()}

    # -- what a vendor's score needed and the catalog does not know -----------------
    def unknown(self, v: VendorRecord) -> tuple[list[str], str | None]:
        """The attributes the score needed and the catalog does not know about the vendor,
        in the order of the criteria; and the vendor's location model (None: unknown)."""
        unknown: list[str] = []
        weights = self.weights
        if self.industry not in v.industries and not v.industries_verified:
            unknown.append(Attribute.INDUSTRIES)
        loc = location_model(self.country, v.delivery_countries)
        if loc is None or (
            LOCATION_DISTANCE[loc] != LOCATION_DISTANCE[self.target_location]
            and not v.delivery_countries_verified
        ):
            unknown.append(Attribute.DELIVERY_COUNTRIES)
        if (W.COVERAGE_RANK.get(v.coverage) if v.coverage else None) is None:
            unknown.append(Attribute.COVERAGE)
        if not v.certifications_verified and (
            not v.certifications & W.SECURITY_CERTIFICATIONS
            or (self.required_certs and not self.required_certs <= v.certifications)
        ):
            unknown.append(Attribute.CERTIFICATIONS)
        if (
            Criterion.LANGUAGE in weights
            and not v.languages_verified
            and not self.required_langs <= v.languages
        ):
            unknown.append(Attribute.LANGUAGES)
        if (
            Criterion.WORK_SYSTEM in weights
            and not v.work_systems_verified
            and not self._offers_work_system(v)
        ):
            unknown.append(Attribute.WORK_SYSTEMS)
        if self.customization not in v.customizations and not v.customizations_verified:
            unknown.append(Attribute.CUSTOMIZATIONS)
        if (W.SIZE_CAPACITY.get(v.size_band) if v.size_band else None) is None:
            unknown.append(Attribute.SIZE_BAND)
        if Criterion.PRICE in weights and v.price_min_idr is None and v.price_max_idr is None:
            unknown.append(Attribute.PRICE)
        return unknown, loc

    def _offers_work_system(self, v: VendorRecord) -> bool:
        return self.work_system in v.work_systems or (
            self.work_system == "hybrid" and len(v.delivery_countries) > 1
        )

    # -- the same for every vendor at once ---------------------------------------------
    def columns(self, catalog: Catalog, rows: np.ndarray) -> dict[str, np.ndarray]:
        """Each criterion for the vendors at ``rows``: the same operations in the same order
        as the former per-vendor code (kept as the oracle in tests/engine/test_columns.py),
        so the floats are identical."""
        listed, verified = catalog.listed, catalog.verified
        neutral = W.NEUTRAL

        def known_or(offers, attribute):
            return np.where(offers, 1.0, np.where(verified[attribute][rows], 0.0, neutral))

        crit: dict[str, np.ndarray] = {}
        matched = listed["services"].count(self.requested)[rows]
        crit[Criterion.SERVICES] = matched / len(self.requested)
        crit[Criterion.INDUSTRY] = known_or(
            listed["industries"].has(self.industry)[rows], "industries"
        )

        countries = catalog.countries
        onshore = countries.has(self.country)[rows]
        nearshore = countries.count(places.neighbours(self.country))[rows] > 0
        distance = np.where(onshore, 0, np.where(nearshore, 1, 2))
        gap = np.abs(distance - LOCATION_DISTANCE[self.target_location])
        fit = np.asarray(W.LOCATION_FIT_BY_GAP, dtype=np.float64)[gap]
        crit[Criterion.LOCATION] = np.where(catalog.country_count[rows] > 0, fit, neutral)

        offered = catalog.coverage[rows]
        short = np.clip(self.coverage_needed - offered, 0, 2)
        fit = np.asarray(W.COVERAGE_FIT_BY_SHORTFALL, dtype=np.float64)[short]
        crit[Criterion.COVERAGE] = np.where(offered >= 0, fit, neutral)

        held = listed["certifications"].count(W.SECURITY_CERTIFICATIONS)[rows]
        some = np.minimum(1.0, W.SECURITY_FIRST_CERT + W.SECURITY_EACH_MORE * (held - 1))
        none = np.where(verified["certifications"][rows], 0.0, neutral)
        crit[Criterion.SECURITY] = np.where(held > 0, some, none)

        if Criterion.LANGUAGE in self.weights:
            wanted = len(self.required_langs)
            present = listed["languages"].count(self.required_langs)[rows]
            missing = wanted - present
            guessed = (present + neutral * missing) / wanted
            crit[Criterion.LANGUAGE] = np.where(
                (missing > 0) & ~verified["languages"][rows], guessed, present / wanted
            )

        if Criterion.WORK_SYSTEM in self.weights:
            offers = listed["work_systems"].has(self.work_system)[rows]
            if self.work_system == "hybrid":
                offers = offers | (catalog.country_count[rows] > 1)
            crit[Criterion.WORK_SYSTEM] = known_or(offers, "work_systems")

        crit[Criterion.CUSTOMIZATION] = known_or(
            listed["customizations"].has(self.customization)[rows], "customizations"
        )
        crit[Criterion.SIZE] = self._size_column(catalog.size_band[rows])
        if Criterion.PRICE in self.weights:
            crit[Criterion.PRICE] = self._price_column(
                catalog.price_min[rows], catalog.price_max[rows]
            )
        return crit

    def _size_column(self, band: np.ndarray) -> np.ndarray:
        capacity = np.asarray([W.SIZE_CAPACITY[b] for b in W.SIZE_ORDER], dtype=np.float64)
        fits = next(
            (i for i, b in enumerate(W.SIZE_ORDER) if self.fte <= W.SIZE_CAPACITY[b]),
            len(W.SIZE_ORDER) - 1,
        )
        known = band >= 0
        within = self.fte <= capacity[np.where(known, band, 0)]
        short = np.where(fits - band == 1, W.SIZE_FIT_ONE_BAND_SHORT, 0.0)
        return np.where(known, np.where(within, 1.0, short), W.NEUTRAL)

    def _price_column(self, low: np.ndarray, high: np.ndarray) -> np.ndarray:
        low, high = np.where(np.isnan(low), high, low), np.where(np.isnan(high), low, high)
        budget = self.budget_per_fte
        with np.errstate(invalid="ignore"):
            above = np.maximum(0.0, W.PRICE_FIT_ABOVE_MAX * (1 - (low - budget) / budget))
            fit = np.where(
                high <= budget, 1.0, np.where(low <= budget, W.PRICE_FIT_PARTLY_WITHIN, above)
            )
        return np.where(np.isnan(low), W.NEUTRAL, fit)

    def scores(self, catalog: Catalog, rows: np.ndarray) -> np.ndarray:
        """``weighted_score`` for the vendors at ``rows``, summed in the same order."""
        return self.scored(catalog, rows)[1]

    def scored(
        self, catalog: Catalog, rows: np.ndarray
    ) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """The criteria columns for the vendors at ``rows`` and their scores."""
        crit = self.columns(catalog, rows)
        total = 0.0
        weighted = np.zeros(rows.size, dtype=np.float64)
        for key in crit:
            total += self.weights[key]
            weighted = weighted + self.weights[key] * crit[key]
        steps = W.SCORE_STEPS
        return crit, np.floor(100 * steps * weighted / total + 0.5) / steps

    def strength(self, crit: dict[str, float]) -> str:
        """Weak: the vendor offers under half of the requested services, or the work needs
        specialists and nothing but the service label says the vendor has them (no known
        experience in the client's industry)."""
        if crit[Criterion.SERVICES] < W.WEAK_SERVICES_SHARE:
            return Strength.WEAK
        if self.answers.work.expertise == "specialist" and crit[Criterion.INDUSTRY] < 1:
            return Strength.WEAK
        return Strength.GOOD

    def match(
        self, vendor: VendorRecord, score: float, position: int, crit: dict[str, float]
    ) -> VendorMatch:
        """A shown vendor: its criteria are its row of the score columns (``scored``)."""
        unknown, loc = self.unknown(vendor)
        return VendorMatch(
            slug=vendor.slug,
            name=vendor.name,
            score=score,
            rank=position,
            location_model=loc,
            matched_services=tuple(s for s in self.requested_order if s in vendor.services),
            missing_services=tuple(s for s in self.requested_order if s not in vendor.services),
            criteria=crit,  # exact: the results page re-scores them in the browser
            unknown=tuple(unknown),
            strength=self.strength(crit),
        )


def _smallest(keys: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the ``limit`` smallest keys, smallest first (the keys are unique)."""
    if limit <= 0:
        return np.zeros(0, dtype=np.int64)
    if keys.size > limit:
        some = np.argpartition(keys, limit - 1)[:limit]
        return some[np.argsort(keys[some])]
    return np.argsort(keys)


def rank(
    answers: Answers,
    screened: Screen,
    *,
    target_location: str,
    target_work_system: str,
    target_customization: str,
    taxonomy: Taxonomy | None = None,
) -> Ranking:
    """``taxonomy``: names for the exclusions' reasons (see ``MustHaves``)."""
    ranker = Ranker(answers, target_location, target_work_system, target_customization, taxonomy)
    catalog = screened.catalog
    eligible = screened.eligible
    columns, scores = ranker.scored(catalog, eligible)
    top = best_first(scores, catalog.name_order[eligible], W.MAX_RANKED)
    shown_scores = scores[top].tolist()
    positions = competition_ranks(shown_scores)
    # The shown vendors' breakdown: their rows of the columns, as Python floats, in the
    # criteria's order.
    shown = {key: column[top].tolist() for key, column in columns.items()}
    matches = tuple(
        ranker.match(
            catalog.records[eligible[i]],
            shown_scores[n],
            position,
            {key: values[n] for key, values in shown.items()},
        )
        for n, (i, position) in enumerate(zip(top, positions, strict=True))
    )
    # Vendors failing a real must-have first (that says something about them), then the
    # ones that simply do other work; by name within each group.
    excluded = screened.excluded
    failed = screened.failed
    services_only = (
        failed["services"]
        & ~failed[Attribute.CERTIFICATIONS]
        & ~failed[Attribute.LANGUAGES]
        & ~failed[Attribute.DELIVERY_COUNTRIES]
        if failed
        else np.zeros(len(catalog), dtype=bool)
    )
    # One key per vendor, unique (name_order is a permutation): only the first
    # MAX_EXCLUDED are put in order, so a large catalog costs a partition, not a sort.
    key = services_only[excluded].astype(np.int64) * len(catalog) + catalog.name_order[excluded]
    first = _smallest(key, W.MAX_EXCLUDED)
    records = [(p, catalog.records[p]) for p in excluded[first].tolist()]
    exclusions = tuple(
        Exclusion(record.slug, record.name, ranker.must.reasons(record, screened.codes(p)))
        for p, record in records
    )
    return Ranking(
        matches,
        exclusions,
        screened.eligible_total,
        screened.excluded_total,
        ranker.weights,
        ranker.points,
    )
