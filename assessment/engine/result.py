"""One call from answers to result, and the result as data: stored (sentences kept with
their message ids and rendered in each interface language) or rendered (the contract's JSON
in one language).

``render_result`` reads what any engine version stored: missing keys take neutral values,
attribute codes are brought to today's spelling, and sentences come from the stored
rendering, or from their message id when an older version stored none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from . import advice, compliance, decide, fit, rank, robust, sla
from . import weights as W
from .answers import SCHEMA_VERSION, Answers, Taxonomy
from .catalog import Catalog, as_catalog
from .codes import attribute
from .records import VendorRecord
from .text import Text, Translate, names_list, render_stored

# 1.2.0: vendors[].rank with ties; recommendation.fit_confidence, fit_rationale, notices;
# a catalog coverage gap is a notice, no longer a reason for multi-sourcing.
# 1.1.0: attribute codes named after the catalog's fields ("customizations", "size_band");
# due-diligence questions keyed by attribute; sentences stored rendered in each language.
# 1.3.0: location from the client's country (language, labour-cost tier, where vendors
# are); recommendation.sourcing, delivery, location_mix, engagement, catalog_location,
# supporting_services; departure notices; vendors[].strength; SLA metrics per service and
# channel with their basis; keep-in-house and captive each with their own road.
# 1.4.0: weights (summing to 1) and their 0-10 points, robustness (acceptability, weight
# stability, decisive unknowns), due-diligence questions flagged decisive; optional
# criteria_weights in the answers; scores rounded half up with the browser's formula.
# 1.5.0: compliance (the Indonesian rules that apply, with their sources), from the optional
# regulation answers.
# 1.6.0: the roadmap carries the rules that apply (each at its stage) and the contract's
# clauses (audit, exit and transition, term, pricing); the data-security and hidden-cost
# risks read the regulation answers; a shortlisted vendor priced below the wage floor is a
# question before signing. Robustness draws only what is unknown (the same method, new
# draws: acceptability figures differ from 1.5's within its sampling noise) and finds
# weight stability for every criterion at once. The result's shape is unchanged
# (contract 1.5).
# 1.6.1: an excluded vendor's reason names the certifications and languages it lacks in
# each interface language ("Bahasa Indonesia", "ISO/IEC 27001 (keamanan informasi)")
# instead of their codes ("id", "iso_27001"). Rankings are unchanged.
ENGINE_VERSION = "1.6.1"
SHORTLIST = W.SHORTLIST


@dataclass(frozen=True)
class Result:
    recommendation: decide.Recommendation
    ranking: rank.Ranking
    risks: tuple[advice.Risk, ...]
    roadmap: tuple[advice.Stage, ...]
    sla_metrics: tuple[sla.SlaMetric, ...]
    due_diligence: tuple[advice.DueDiligence, ...]
    fit: fit.Fit
    notices: tuple[fit.Notice, ...]
    robustness: robust.Robustness | None = None
    # The Indonesian rules that apply (engine/compliance.py); guidance, not legal advice.
    compliance: tuple[compliance.Applied, ...] = ()
    legal_questions: tuple[compliance.LegalQuestions, ...] = ()

    def to_data(self, renderers: Mapping[str, Translate] | None = None) -> dict[str, Any]:
        """JSON-able and language-neutral: every sentence as its message id and parameters,
        and, given ``renderers`` (language -> translate), rendered in each language too."""

        # A sentence is rendered once per result, however often it recurs (the excluded
        # vendors share a handful of reasons): the same data, read-only, where it repeats.
        rendered: dict[Text, dict[str, Any]] = {}

        def text(t):
            try:
                data = rendered.get(t)
            except TypeError:  # a parameter that cannot be hashed: rendered every time
                return t.to_data(renderers)
            if data is None:
                data = rendered[t] = t.to_data(renderers)
            return data

        rec = self.recommendation
        return {
            "schema_version": SCHEMA_VERSION,
            "engine_version": ENGINE_VERSION,
            "recommendation": {
                "approach": str(rec.approach),
                "model": str(rec.model),
                "specialisation": str(rec.specialisation) if rec.specialisation else None,
                "functions": [str(f) for f in rec.functions],
                "location": str(rec.location),
                "work_system": str(rec.work_system),
                "customization": str(rec.customization),
                "sourcing": str(rec.sourcing),
                "delivery": str(rec.delivery),
                "location_mix": str(rec.location_mix),
                "engagement": str(rec.engagement),
                "catalog_location": str(rec.catalog_location) if rec.catalog_location else None,
                "supporting_services": list(rec.supporting_services),
                "confidence": rec.confidence,
                "fit_confidence": self.fit.confidence,
                "fit_rationale": [text(t) for t in self.fit.rationale],
                "notices": [
                    {"code": str(n.code), "message": text(n.message)} for n in self.notices
                ],
                "rationale": [
                    {
                        "factor": str(r.factor),
                        "points_to": str(r.points_to),
                        "explanation": text(r.explanation),
                    }
                    for r in rec.rationale
                ],
            },
            "vendors": [
                {
                    "slug": v.slug,
                    "name": v.name,
                    "score": v.score,
                    "rank": v.rank,
                    "location_model": str(v.location_model) if v.location_model else None,
                    "matched_services": list(v.matched_services),
                    "missing_services": list(v.missing_services),
                    "criteria": {str(k): value for k, value in v.criteria.items()},
                    "unknown": [str(u) for u in v.unknown],
                    "strength": str(v.strength),
                }
                for v in self.ranking.vendors
            ],
            "vendors_total": self.ranking.eligible_total,
            "excluded": [
                {"slug": e.slug, "name": e.name, "reasons": [text(t) for t in e.reasons]}
                for e in self.ranking.excluded
            ],
            "excluded_total": self.ranking.excluded_total,
            "risks": [
                {
                    "risk": str(r.risk),
                    "level": str(r.level),
                    "why": text(r.why),
                    "mitigations": [text(m) for m in r.mitigations],
                }
                for r in self.risks
            ],
            "roadmap": [
                {"stage": str(s.stage), "actions": [text(a) for a in s.actions]}
                for s in self.roadmap
            ],
            "sla_metrics": [
                {
                    "metric": str(m.metric),
                    "function": m.function,
                    "target": text(m.target),
                    "basis": text(m.basis),
                }
                for m in self.sla_metrics
            ],
            "due_diligence": [
                {
                    "slug": d.slug,
                    "vendor": d.vendor,
                    "questions": [
                        {
                            "attribute": str(q.attribute),
                            "question": text(q.question),
                            "decisive": q.decisive,
                        }
                        for q in d.questions
                    ],
                }
                for d in self.due_diligence
            ],
            "weights": dict(self.ranking.weights),
            "weight_points": dict(self.ranking.points),
            "robustness": _robustness_data(self.robustness),
            "compliance": compliance.to_data(self.compliance, text),
            "legal_questions": compliance.questions_data(self.legal_questions, text),
        }


def _robustness_data(sure: robust.Robustness | None) -> dict[str, Any] | None:
    if sure is None:
        return None
    return {
        "samples": sure.samples,
        "acceptability": [
            {"slug": a.slug, "first": a.first, "top3": a.top3} for a in sure.acceptability
        ],
        "weight_stability": [
            {"criterion": s.criterion, "low": s.low, "high": s.high} for s in sure.weight_stability
        ],
        "decisive_unknowns": [
            {
                "slug": d.slug,
                "attribute": d.attribute,
                "rank_if_favourable": d.rank_if_favourable,
                "rank_if_unfavourable": d.rank_if_unfavourable,
            }
            for d in sure.decisive_unknowns
        ],
    }


def _roadmap(answers, rec, context, unknown, n_metrics, applied, legal) -> tuple[advice.Stage, ...]:
    """The road for the approach, then at each stage the rules that apply; a vendor contract
    gets its own clauses with the rules' ones, then what the regulation answers call for."""
    road = advice.roadmap(answers, rec, context, unknown, n_metrics)
    contract = advice.outsources(answers, rec)
    road = advice.with_lines(
        road,
        compliance.roadmap_lines(
            applied,
            advice.CONTRACT_CLAUSES if contract else (),
            compliance.confirm_text(legal) if contract else None,
        ),
    )
    if contract:
        road = advice.with_lines(road, {"vendor_selection": advice.contract_lines(answers)})
    return road


def recommend(
    answers: Answers,
    taxonomy: Taxonomy,
    vendors: Catalog | Sequence[VendorRecord],
    rules: Sequence[compliance.Rule] = (),
) -> Result:
    """``vendors``: the catalog's columns (catalog.Catalog, built once per catalog version)
    or plain records, which are put in columns first."""
    catalog = as_catalog(vendors)
    screened = rank.screen(answers, catalog)
    supply = decide.Supply(
        screened.countries, screened.eligible_total, screened.best_coverage if len(catalog) else 0.0
    )
    rec = decide.decide(answers, taxonomy, supply)
    ranked_for = answers
    if rec.approach == "keep_in_house":
        # The core stays in house: vendors are ranked for the supporting work only.
        # The supporting work is routine: no specialist bar for it.
        ranked_for = replace(
            answers,
            services=rec.supporting_services,
            work=replace(answers.work, expertise="basic"),
        )
        screened = (
            rank.screen(ranked_for, catalog)
            if rec.supporting_services
            else rank.Screen.nobody(catalog)
        )
    ranking = rank.rank(
        ranked_for,
        screened,
        target_location=rec.catalog_location or rec.location,
        target_work_system=rec.work_system,
        target_customization=rec.customization,
        taxonomy=taxonomy,
    )
    shortlist = ranking.vendors[:SHORTLIST]
    sure = robust.robustness(ranking.vendors, ranking.weights)
    languages = answers.constraints.languages
    checklist = advice.due_diligence(
        shortlist,
        names_list([taxonomy.name("language", x) for x in languages]) if languages else None,
        frozenset((d.slug, d.attribute) for d in sure.decisive_unknowns),
    )
    metrics = advice.sla_metrics(answers, rec, taxonomy)
    budget = advice.budget_check(answers, tuple(sorted(screened.countries)))
    applied = compliance.applicable(
        tuple(rules),
        answers,
        None if rec.approach == "keep_in_house" else rec.delivery_location,
    )
    context = advice.Context(
        taxonomy, screened, shortlist, budget, any(a.rule.area == "labour" for a in applied)
    )
    unknown = sum(len(d.questions) for d in checklist)
    legal = compliance.legal_questions(shortlist, catalog.by_slug, answers)
    return Result(
        recommendation=rec,
        ranking=ranking,
        risks=advice.risks(answers, rec, context),
        roadmap=_roadmap(answers, rec, context, unknown, len(metrics), applied, legal),
        sla_metrics=metrics,
        due_diligence=checklist,
        fit=fit.fit(ranking),
        notices=fit.notices(answers, screened, ranking, rec, taxonomy, budget),
        robustness=sure,
        legal_questions=legal,
        compliance=applied,
    )


def _questions(entry: dict, vendor_unknown: list[str], text) -> list[dict[str, Any]]:
    """Questions with the attribute each one asks about. Engine 1.0 stored bare sentences
    in the order of the vendor's unknown attributes: pair them by that order."""
    questions = []
    for index, item in enumerate(entry.get("questions") or []):
        if isinstance(item, dict) and "question" in item:
            code, sentence = attribute(item.get("attribute", "")), item["question"]
        else:
            code = vendor_unknown[index] if index < len(vendor_unknown) else ""
            sentence = item
        decisive = bool(item.get("decisive")) if isinstance(item, dict) else False
        questions.append({"attribute": code, "question": text(sentence), "decisive": decisive})
    return questions


RENDERED_KEYS = ("rationale", "fit_rationale", "notices")


def render_result(
    data: dict[str, Any], translate: Translate, language: str | None = None
) -> dict[str, Any]:
    """The stored result with every sentence in one language: the contract's result JSON."""

    def text(stored) -> str:
        return render_stored(stored, translate, language)

    rec = data.get("recommendation") or {}
    stored = data.get("vendors") or []
    # Engine 1.0 stored no rank: derive it from the scores the same way.
    ranks = rank.competition_ranks([v.get("score", 0) for v in stored])
    vendors = [
        {**v, "rank": v.get("rank", r), "unknown": [attribute(u) for u in v.get("unknown") or []]}
        for v, r in zip(stored, ranks, strict=True)
    ]
    unknown_of = {v.get("slug"): v["unknown"] for v in vendors}
    return {
        "schema_version": data.get("schema_version", SCHEMA_VERSION),
        "engine_version": data.get("engine_version", ""),
        "recommendation": {
            **{k: v for k, v in rec.items() if k not in RENDERED_KEYS},
            "fit_rationale": [text(t) for t in rec.get("fit_rationale") or []],
            "notices": [
                {"code": n.get("code", ""), "message": text(n.get("message"))}
                for n in rec.get("notices") or []
            ],
            "rationale": [
                {
                    "factor": r.get("factor", ""),
                    "points_to": r.get("points_to", ""),
                    "explanation": text(r.get("explanation")),
                }
                for r in rec.get("rationale") or []
            ],
        },
        "vendors": vendors,
        "vendors_total": data.get("vendors_total", len(vendors)),
        "excluded": [
            {
                "slug": e.get("slug", ""),
                "name": e.get("name", ""),
                "reasons": [text(t) for t in e.get("reasons") or []],
            }
            for e in data.get("excluded") or []
        ],
        "excluded_total": data.get("excluded_total", len(data.get("excluded") or [])),
        "risks": [
            {
                "risk": r.get("risk", ""),
                "level": r.get("level", ""),
                "why": text(r.get("why")),
                "mitigations": [text(m) for m in r.get("mitigations") or []],
            }
            for r in data.get("risks") or []
        ],
        "roadmap": [
            {"stage": s.get("stage", ""), "actions": [text(a) for a in s.get("actions") or []]}
            for s in data.get("roadmap") or []
        ],
        "sla_metrics": [
            {
                "metric": m.get("metric", ""),
                "function": m.get("function", ""),
                "target": text(m.get("target")),
                "basis": text(m.get("basis")) if m.get("basis") else "",
            }
            for m in data.get("sla_metrics") or []
        ],
        "due_diligence": [
            {
                "slug": d.get("slug", ""),
                "vendor": d.get("vendor", ""),
                "questions": _questions(d, unknown_of.get(d.get("slug"), []), text),
            }
            for d in data.get("due_diligence") or []
        ],
        # Engine 1.4 and later (questionnaire.md, "Decision workspace"); absent before.
        **{key: data[key] for key in ("weights", "weight_points", "robustness") if key in data},
        # Engine 1.5 and later: the Indonesian rules that apply, with their sources.
        "compliance": [
            {
                "slug": c.get("slug", ""),
                "area": c.get("area", ""),
                "kind": c.get("kind", ""),
                "title": _named(c.get("title"), language),
                "summary": _named(c.get("summary"), language),
                "action": _named(c.get("action"), language),
                "source": c.get("source", ""),
                "source_url": c.get("source_url"),
                "reviewed_on": c.get("reviewed_on", ""),
                "why": [text(t) for t in c.get("why") or []],
            }
            for c in data.get("compliance") or []
        ],
        "legal_questions": [
            {
                "slug": q.get("slug", ""),
                "vendor": q.get("vendor", ""),
                "questions": [
                    {"fact": x.get("fact", ""), "question": text(x.get("question"))}
                    for x in q.get("questions") or []
                ],
            }
            for q in data.get("legal_questions") or []
        ],
    }


def _named(data: Any, language: str | None) -> str:
    """A curated text kept in each language ({"n": {language: text}})."""
    names = data.get("n") if isinstance(data, dict) else None
    if not isinstance(names, dict):
        return str(data or "")
    return names.get(language or "id") or names.get("en") or next(iter(names.values()), "")
