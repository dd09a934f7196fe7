"""Vendor ranking: must-haves exclude, weighted criteria score 0-100, unknowns stay neutral.

Written for speed: everything that depends only on the answers is prepared once; the
per-vendor work is a few set operations and arithmetic.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from . import weights as W
from .answers import Answers
from .records import VendorRecord
from .text import Text, _

LOCATION_DISTANCE = {"onshore": 0, "nearshore": 1, "offshore": 2}


@dataclass(frozen=True)
class VendorMatch:
    slug: str
    name: str
    score: float
    location_model: str | None
    matched_services: tuple[str, ...]
    missing_services: tuple[str, ...]
    criteria: dict[str, float]
    unknown: tuple[str, ...]


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


def location_model(client_country: str, delivery_countries: tuple[str, ...]) -> str | None:
    """The closest relation any delivery country has to the client (None when unknown)."""
    if not delivery_countries:
        return None
    if client_country in delivery_countries:
        return "onshore"
    near = W.neighbours(client_country)
    if any(country in near for country in delivery_countries):
        return "nearshore"
    return "offshore"


def _listed(offers: bool, verified: bool, attribute: str, unknown: list[str]) -> float:
    """A listed attribute: offered 1.0; verified as not offered 0.0; otherwise unknown."""
    if offers:
        return 1.0
    if verified:
        return 0.0
    unknown.append(attribute)
    return W.NEUTRAL


class Ranker:
    def __init__(
        self,
        answers: Answers,
        target_location: str,
        target_work_system: str,
        target_customization: str,
    ):
        self.answers = answers
        c = answers.constraints
        self.requested = frozenset(answers.services)
        self.requested_order = answers.services
        self.country = answers.organisation.country
        self.industry = answers.organisation.industry
        self.required_certs = frozenset(c.required_certifications)
        self.required_langs = frozenset(c.languages)
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
            factor = 1 + W.PRIORITY_STEP * (self.answers.priorities[priority] - 3)
            for criterion in criteria:
                weights[criterion] *= factor
        if self.answers.constraints.data_sensitivity in ("confidential", "regulated"):
            weights["security"] *= 2
        if not self.required_langs:
            del weights["language"]
        if self.budget_per_fte is None:
            del weights["price"]
        if self.work_system not in ("cloud_based", "hybrid"):
            del weights["work_system"]  # any vendor can be one of several, or the only one
        return weights

    # -- must-haves ----------------------------------------------------------------
    def exclusion_codes(self, vendor: VendorRecord) -> tuple[str, ...]:
        """Which must-haves the vendor is known to fail. Cheap: runs for every vendor."""
        codes: tuple[str, ...] = ()
        if self.requested.isdisjoint(vendor.services):
            codes = ("services",)
        if (
            vendor.certifications_verified
            and self.required_certs
            and not self.required_certs <= vendor.certifications
        ):
            codes += ("certifications",)
        if (
            vendor.languages_verified
            and self.required_langs
            and not self.required_langs <= vendor.languages
        ):
            codes += ("languages",)
        return codes

    def exclusion_reasons(self, vendor: VendorRecord, codes: tuple[str, ...]) -> tuple[Text, ...]:
        reasons = []
        if "services" in codes:
            reasons.append(_("offers none of the requested services"))
        if "certifications" in codes:
            missing = sorted(self.required_certs - vendor.certifications)
            reasons.append(
                _("does not hold the required certification(s): %(list)s", list=", ".join(missing))
            )
        if "languages" in codes:
            missing = sorted(self.required_langs - vendor.languages)
            reasons.append(
                _("does not work in the required language(s): %(list)s", list=", ".join(missing))
            )
        return tuple(reasons)

    # -- criteria ------------------------------------------------------------------
    def criteria(self, v: VendorRecord) -> tuple[dict[str, float], list[str], str | None]:
        unknown: list[str] = []
        crit: dict[str, float] = {}
        weights = self.weights
        matched = len(v.services & self.requested)
        crit["services"] = matched / len(self.requested)

        crit["industry"] = _listed(
            self.industry in v.industries, v.industries_verified, "industries", unknown
        )

        loc = location_model(self.country, v.delivery_countries)
        if loc is None:
            crit["location"] = W.NEUTRAL
            unknown.append("delivery_countries")
        else:
            gap = abs(LOCATION_DISTANCE[loc] - LOCATION_DISTANCE[self.target_location])
            crit["location"] = (1.0, 0.5, 0.0)[gap]
            if gap and not v.delivery_countries_verified:
                unknown.append("delivery_countries")

        if v.coverage is None:
            crit["coverage"] = W.NEUTRAL
            unknown.append("coverage")
        else:
            short = self.coverage_needed - W.COVERAGE_RANK[v.coverage]
            crit["coverage"] = 1.0 if short <= 0 else (0.4 if short == 1 else 0.0)

        held = v.certifications & W.SECURITY_CERTIFICATIONS
        if held:
            crit["security"] = min(1.0, 0.7 + 0.15 * (len(held) - 1))
        elif v.certifications_verified:
            crit["security"] = 0.0
        else:
            crit["security"] = W.NEUTRAL
            unknown.append("certifications")
        if (
            self.required_certs
            and not v.certifications_verified
            and not self.required_certs <= v.certifications
            and "certifications" not in unknown
        ):
            unknown.append("certifications")

        if "language" in weights:
            present = len(self.required_langs & v.languages)
            missing = len(self.required_langs) - present
            if missing and not v.languages_verified:
                unknown.append("languages")
                crit["language"] = (present + W.NEUTRAL * missing) / len(self.required_langs)
            else:
                crit["language"] = present / len(self.required_langs)

        if "work_system" in weights:
            offers = self.work_system in v.work_systems or (
                self.work_system == "hybrid" and len(v.delivery_countries) > 1
            )
            crit["work_system"] = _listed(offers, v.work_systems_verified, "work_systems", unknown)

        crit["customization"] = _listed(
            self.customization in v.customizations,
            v.customizations_verified,
            "customization",
            unknown,
        )

        if v.size_band is None:
            crit["size"] = W.NEUTRAL
            unknown.append("size")
        elif self.fte <= W.SIZE_CAPACITY[v.size_band]:
            crit["size"] = 1.0
        else:
            fits = next((b for b in W.SIZE_ORDER if self.fte <= W.SIZE_CAPACITY[b]), "enterprise")
            steps = W.SIZE_ORDER.index(fits) - W.SIZE_ORDER.index(v.size_band)
            crit["size"] = 0.4 if steps == 1 else 0.0

        if "price" in weights:
            crit["price"] = self._price(v, unknown)
        return crit, unknown, loc

    def _price(self, v: VendorRecord, unknown: list[str]) -> float:
        low = v.price_min_idr if v.price_min_idr is not None else v.price_max_idr
        high = v.price_max_idr if v.price_max_idr is not None else v.price_min_idr
        if low is None:
            unknown.append("price")
            return W.NEUTRAL
        budget = self.budget_per_fte
        if high <= budget:
            return 1.0
        if low <= budget:
            return 0.6
        return max(0.0, 0.3 * (1 - (low - budget) / budget))

    def score(self, crit: dict[str, float]) -> float:
        weights = self.weights
        total = sum(weights[k] for k in crit)
        return round(100 * sum(weights[k] * crit[k] for k in crit) / total, 1)


def rank(
    answers: Answers,
    vendors: list[VendorRecord],
    *,
    target_location: str,
    target_work_system: str,
    target_customization: str,
) -> Ranking:
    ranker = Ranker(answers, target_location, target_work_system, target_customization)
    # Keep only (score, name, slug, vendor) per vendor; the breakdown is rebuilt for the
    # few that are shown, so a large catalog leaves no garbage behind.
    scored: list[tuple[float, str, str, VendorRecord]] = []
    excluded: list[tuple[str, str, VendorRecord, tuple[str, ...]]] = []
    for vendor in vendors:
        codes = ranker.exclusion_codes(vendor)
        if codes:
            excluded.append((vendor.name, vendor.slug, vendor, codes))
            continue
        scored.append((-ranker.score(ranker.criteria(vendor)[0]), vendor.name, vendor.slug, vendor))
    top = heapq.nsmallest(W.MAX_RANKED, scored, key=lambda row: row[:3])
    matches = []
    for neg_score, name, slug, vendor in top:
        crit, unknown, loc = ranker.criteria(vendor)
        matches.append(
            VendorMatch(
                slug=slug,
                name=name,
                score=-neg_score,
                location_model=loc,
                matched_services=tuple(s for s in ranker.requested_order if s in vendor.services),
                missing_services=tuple(
                    s for s in ranker.requested_order if s not in vendor.services
                ),
                criteria={k: round(v, 3) for k, v in crit.items()},
                unknown=tuple(unknown),
            )
        )
    # Vendors failing a real must-have first (that says something about them), then the
    # ones that simply do other work; by name within each group.
    shown = heapq.nsmallest(
        W.MAX_EXCLUDED, excluded, key=lambda row: (row[3] == ("services",), row[0], row[1])
    )
    exclusions = tuple(
        Exclusion(slug, name, ranker.exclusion_reasons(vendor, codes))
        for name, slug, vendor, codes in shown
    )
    return Ranking(tuple(matches), exclusions, len(scored), len(excluded))


def best_coverage(answers: Answers, vendors: list[VendorRecord]) -> float:
    """The largest share of the requested services one eligible vendor offers."""
    ranker = Ranker(answers, "onshore", "single_vendor", "standard")
    requested, best = ranker.requested, 0
    for vendor in vendors:
        matched = len(vendor.services & requested)
        if matched > best and not ranker.exclusion_codes(vendor):
            best = matched
            if best == len(requested):
                break
    return best / len(requested)
