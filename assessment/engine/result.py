"""One call from answers to result, and the result as data: stored (message ids) or
rendered (sentences in the active language, the contract's JSON)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import advice, decide, rank
from .answers import SCHEMA_VERSION, Answers, Taxonomy
from .records import VendorRecord
from .text import Text, Translate

ENGINE_VERSION = "1.0.0"
SHORTLIST = 5


@dataclass(frozen=True)
class Result:
    recommendation: decide.Recommendation
    ranking: rank.Ranking
    risks: tuple[advice.Risk, ...]
    roadmap: tuple[advice.Stage, ...]
    sla_metrics: tuple[advice.SlaMetric, ...]
    due_diligence: tuple[advice.DueDiligence, ...]

    def to_data(self) -> dict[str, Any]:
        """JSON-able, language-neutral: every sentence kept as a message id and parameters."""
        rec = self.recommendation
        return {
            "schema_version": SCHEMA_VERSION,
            "engine_version": ENGINE_VERSION,
            "recommendation": {
                "approach": rec.approach,
                "model": rec.model,
                "specialisation": rec.specialisation,
                "functions": list(rec.functions),
                "location": rec.location,
                "work_system": rec.work_system,
                "customization": rec.customization,
                "confidence": rec.confidence,
                "rationale": [
                    {
                        "factor": r.factor,
                        "points_to": r.points_to,
                        "explanation": r.explanation.to_data(),
                    }
                    for r in rec.rationale
                ],
            },
            "vendors": [
                {
                    "slug": v.slug,
                    "name": v.name,
                    "score": v.score,
                    "location_model": v.location_model,
                    "matched_services": list(v.matched_services),
                    "missing_services": list(v.missing_services),
                    "criteria": v.criteria,
                    "unknown": list(v.unknown),
                }
                for v in self.ranking.vendors
            ],
            "vendors_total": self.ranking.eligible_total,
            "excluded": [
                {"slug": e.slug, "name": e.name, "reasons": [t.to_data() for t in e.reasons]}
                for e in self.ranking.excluded
            ],
            "excluded_total": self.ranking.excluded_total,
            "risks": [
                {
                    "risk": r.risk,
                    "level": r.level,
                    "why": r.why.to_data(),
                    "mitigations": [m.to_data() for m in r.mitigations],
                }
                for r in self.risks
            ],
            "roadmap": [
                {"stage": s.stage, "actions": [a.to_data() for a in s.actions]}
                for s in self.roadmap
            ],
            "sla_metrics": [
                {"metric": m.metric, "function": m.function, "target": m.target.to_data()}
                for m in self.sla_metrics
            ],
            "due_diligence": [
                {
                    "slug": d.slug,
                    "vendor": d.vendor,
                    "questions": [q.to_data() for q in d.questions],
                }
                for d in self.due_diligence
            ],
        }


def recommend(answers: Answers, taxonomy: Taxonomy, vendors: list[VendorRecord]) -> Result:
    coverage = rank.best_coverage(answers, vendors)
    rec = decide.decide(answers, taxonomy, coverage)
    ranking = rank.rank(
        answers,
        vendors,
        target_location=rec.location,
        target_work_system=rec.work_system,
        target_customization=rec.customization,
    )
    shortlist = ranking.vendors[:SHORTLIST]
    checklist = advice.due_diligence(shortlist)
    return Result(
        recommendation=rec,
        ranking=ranking,
        risks=advice.risks(answers, rec),
        roadmap=advice.roadmap(answers, rec, shortlist, sum(len(d.questions) for d in checklist)),
        sla_metrics=advice.sla_metrics(answers, rec),
        due_diligence=checklist,
    )


def _text(data: dict, translate: Translate) -> str:
    return Text.from_data(data).render(translate)


def render_result(data: dict[str, Any], translate: Translate) -> dict[str, Any]:
    """The stored result with every sentence rendered: the contract's result JSON."""
    rec = data["recommendation"]
    return {
        "schema_version": data["schema_version"],
        "engine_version": data["engine_version"],
        "recommendation": {
            **{k: v for k, v in rec.items() if k != "rationale"},
            "rationale": [
                {
                    "factor": r["factor"],
                    "points_to": r["points_to"],
                    "explanation": _text(r["explanation"], translate),
                }
                for r in rec["rationale"]
            ],
        },
        "vendors": data["vendors"],
        "vendors_total": data["vendors_total"],
        "excluded": [
            {
                "slug": e["slug"],
                "name": e["name"],
                "reasons": [_text(t, translate) for t in e["reasons"]],
            }
            for e in data["excluded"]
        ],
        "excluded_total": data["excluded_total"],
        "risks": [
            {
                "risk": r["risk"],
                "level": r["level"],
                "why": _text(r["why"], translate),
                "mitigations": [_text(m, translate) for m in r["mitigations"]],
            }
            for r in data["risks"]
        ],
        "roadmap": [
            {"stage": s["stage"], "actions": [_text(a, translate) for a in s["actions"]]}
            for s in data["roadmap"]
        ],
        "sla_metrics": [
            {
                "metric": m["metric"],
                "function": m["function"],
                "target": _text(m["target"], translate),
            }
            for m in data["sla_metrics"]
        ],
        "due_diligence": [
            {
                "slug": d["slug"],
                "vendor": d["vendor"],
                "questions": [_text(q, translate) for q in d["questions"]],
            }
            for d in data["due_diligence"]
        ],
    }
