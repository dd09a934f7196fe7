"""Labels and view data for a result: shared by the results page and the PDF report."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from catalog.models import Industry, Service, ServiceCategory

from . import services
from .models import Assessment

APPROACH = {
    "outsource": _("Outsource"),
    "captive": _("Captive centre (your own subsidiary)"),
    "keep_in_house": _("Keep in house"),
}
MODEL = {
    "bpo": _("BPO – Business Process Outsourcing"),
    "kpo": _("KPO – Knowledge Process Outsourcing"),
}
SPECIALISATION = {
    "lpo": _("LPO – Legal Process Outsourcing"),
    "rpo": _("RPO – Research Process Outsourcing"),
    "ites": _("ITES – IT-Enabled Services"),
}
LOCATION = {"onshore": _("Onshore"), "nearshore": _("Nearshore"), "offshore": _("Offshore")}
WORK_SYSTEM = {
    "single_vendor": _("Single vendor"),
    "hybrid": _("Hybrid BPO"),
    "cloud_based": _("Cloud-based BPO"),
    "captive": _("Captive BPO"),
    "multi_sourcing": _("Multi-sourcing BPO"),
}
CUSTOMIZATION = {"standard": _("Standard BPO"), "customized": _("Customized BPO")}
CRITERIA = {
    "services": _("Service coverage"),
    "industry": _("Industry experience"),
    "location": _("Location fit"),
    "coverage": _("Coverage hours"),
    "security": _("Security evidence"),
    "language": _("Working languages"),
    "work_system": _("Work system"),
    "customization": _("Customisation"),
    "size": _("Size for your FTEs"),
    "price": _("Price against budget"),
}
UNKNOWN = {
    "certifications": _("certifications"),
    "languages": _("languages"),
    "industries": _("industries"),
    "delivery_countries": _("delivery countries"),
    "coverage": _("coverage hours"),
    "size": _("size"),
    "price": _("price"),
    "work_systems": _("work systems"),
    "customization": _("customisation"),
}
RISK = {
    "data_security": _("Data security"),
    "loss_of_control": _("Loss of control"),
    "communication": _("Communication"),
    "hidden_costs": _("Hidden costs"),
    "internal_adjustment": _("Internal adjustment"),
}
LEVEL = {"low": _("low"), "medium": _("medium"), "high": _("high")}
STAGE = {
    "needs_analysis": _("Needs analysis"),
    "vendor_selection": _("Vendor selection"),
    "transition": _("Transition (onboarding)"),
    "relationship_management": _("Relationship management"),
    "performance_evaluation": _("Performance evaluation"),
}
METRIC = {
    "first_response_time": _("First response time"),
    "first_contact_resolution": _("First-contact resolution"),
    "customer_satisfaction": _("Customer satisfaction"),
    "accuracy_rate": _("Accuracy rate"),
    "turnaround_time": _("Turnaround time"),
    "incident_resolution_time": _("Incident resolution time"),
    "availability": _("Availability"),
    "on_time_delivery": _("On-time delivery"),
    "quality_acceptance": _("Quality acceptance"),
    "fill_rate": _("Fill rate"),
    "time_to_fill": _("Time to fill"),
    "cost_efficiency": _("Cost efficiency"),
}
POINTS_TO = {
    **MODEL,
    **SPECIALISATION,
    **LOCATION,
    **WORK_SYSTEM,
    **CUSTOMIZATION,
    "bpo": _("BPO"),
    "kpo": _("KPO"),
    "bpo_or_kpo": _("BPO or KPO"),
    "keep_in_house": _("Keep in house"),
    "captive": _("Captive"),
    "workforce": _("Workforce outsourcing (not BPO)"),
}

STEP_OF_FIELD = {
    "organisation": "organisation",
    "services": "services",
    "work": "work",
    "scale": "work",
    "priorities": "priorities",
    "constraints": "constraints",
}


def step_for_error(path: str) -> str:
    return STEP_OF_FIELD.get(path.split(".")[0], "organisation")


def _names() -> tuple[dict[str, str], dict[str, str]]:
    service_names = {s.slug: s.name for s in Service.objects.all()}
    category_names = {c.slug: c.name for c in ServiceCategory.objects.all()}
    return service_names, category_names


def due_diligence_matrix(vendors: list[dict], checklist: list[dict]) -> dict[str, Any]:
    """Open questions as rows, shortlisted vendors as columns: each question once, ticked
    for the vendors the catalog knows nothing about on that point."""
    questions: dict[str, str] = {}
    for entry in checklist:
        vendor = next((v for v in vendors if v["slug"] == entry["slug"]), None)
        if vendor is None:
            continue
        for key, question in zip(vendor["unknown"], entry["questions"], strict=False):
            questions.setdefault(key, question)
    columns = [v for v in vendors if v["unknown"]]
    rows = [
        {"key": key, "question": question, "open": [key in v["unknown"] for v in columns]}
        for key, question in questions.items()
    ]
    return {"columns": columns, "rows": rows}


def result_context(assessment: Assessment, language: str | None = None) -> dict[str, Any]:
    """Everything the results page and the report show. A fixed number of queries."""
    result = services.result_render(assessment.result, language)
    service_names, category_names = _names()
    answers = assessment.answers
    rec = result["recommendation"]
    vendors = []
    for v in result["vendors"]:
        vendors.append(
            {
                **v,
                "score_pct": int(round(v["score"])),
                "location_label": LOCATION.get(v["location_model"], _("unknown")),
                "criteria_rows": [
                    {"key": k, "label": CRITERIA[k], "value": val, "pct": int(round(val * 100))}
                    for k, val in v["criteria"].items()
                ],
                "matched_names": [service_names.get(s, s) for s in v["matched_services"]],
                "missing_names": [service_names.get(s, s) for s in v["missing_services"]],
                "unknown_names": [UNKNOWN.get(u, u) for u in v["unknown"]],
            }
        )
    industry = Industry.objects.filter(slug=answers["organisation"]["industry"]).first()
    return {
        "assessment": assessment,
        "answers": answers,
        "result": result,
        "rec": rec,
        "confidence_pct": int(round(rec["confidence"] * 100)),
        "approach_label": APPROACH[rec["approach"]],
        "model_label": MODEL[rec["model"]],
        "specialisation_label": SPECIALISATION.get(rec["specialisation"] or ""),
        "location_label": LOCATION[rec["location"]],
        "work_system_label": WORK_SYSTEM[rec["work_system"]],
        "customization_label": CUSTOMIZATION[rec["customization"]],
        "function_labels": [category_names.get(f, f) for f in rec["functions"]],
        "rationale": [
            {**r, "points_to_label": POINTS_TO.get(r["points_to"], r["points_to"])}
            for r in rec["rationale"]
        ],
        "vendors": vendors,
        "shortlist": vendors[:5],
        "excluded": result["excluded"],
        "risks": [
            {**r, "label": RISK[r["risk"]], "level_label": LEVEL[r["level"]]}
            for r in result["risks"]
        ],
        "roadmap": [{**s, "label": STAGE[s["stage"]]} for s in result["roadmap"]],
        "sla_metrics": [
            {
                **m,
                "label": METRIC.get(m["metric"], m["metric"]),
                "function_label": category_names.get(m["function"], ""),
            }
            for m in result["sla_metrics"]
        ],
        "due_diligence": result["due_diligence"],
        "due_diligence_matrix": due_diligence_matrix(vendors[:5], result["due_diligence"]),
        "requested_services": [service_names.get(s, s) for s in answers["services"]],
        "country_name": dict(countries).get(answers["organisation"]["country"], ""),
        "industry_name": industry.name if industry else answers["organisation"]["industry"],
    }
