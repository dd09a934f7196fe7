"""Labels and view data for a result: shared by the results page and the PDF report."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from catalog.models import Certification, Industry, Language, Service, ServiceCategory, Vendor

from . import services, workspace
from .engine import ENGINE_VERSION
from .engine.codes import (
    Approach,
    Attribute,
    Criterion,
    Customization,
    Delivery,
    Engagement,
    Level,
    Location,
    LocationMix,
    Metric,
    Model,
    PointsTo,
    Risk,
    Sourcing,
    Specialisation,
    Stage,
    Strength,
    WorkSystem,
)
from .forms import ConstraintsForm, OrganisationForm, PrioritiesForm, WorkForm
from .models import Assessment

APPROACH = {
    Approach.OUTSOURCE: _("Outsource"),
    Approach.CAPTIVE: _("Captive centre (your own subsidiary)"),
    Approach.KEEP_IN_HOUSE: _("Keep in house"),
}
MODEL = {
    Model.BPO: _("BPO – Business Process Outsourcing"),
    Model.KPO: _("KPO – Knowledge Process Outsourcing"),
}
SPECIALISATION = {
    Specialisation.LPO: _("LPO – Legal Process Outsourcing"),
    Specialisation.RPO: _("RPO – Research Process Outsourcing (research, not recruitment)"),
    Specialisation.ITES: _("ITES – IT-Enabled Services"),
}
LOCATION = {
    Location.ONSHORE: _("Onshore"),
    Location.NEARSHORE: _("Nearshore"),
    Location.OFFSHORE: _("Offshore"),
}
WORK_SYSTEM = {
    WorkSystem.SINGLE_VENDOR: _("Single vendor"),
    WorkSystem.HYBRID: _("Hybrid BPO"),
    WorkSystem.CLOUD_BASED: _("Cloud-based BPO"),
    WorkSystem.CAPTIVE: _("Captive BPO"),
    WorkSystem.MULTI_SOURCING: _("Multi-sourcing BPO"),
}
SOURCING = {
    Sourcing.SINGLE_VENDOR: _("One vendor"),
    Sourcing.MULTI_SOURCING: _("Several vendors (multi-sourcing)"),
    Sourcing.CAPTIVE: _("Your own subsidiary (captive)"),
}
DELIVERY = {
    Delivery.ON_SITE: _("From sites (the vendor's or yours)"),
    Delivery.CLOUD_BASED: _("Cloud-based (remote)"),
}
LOCATION_MIX = {
    LocationMix.SINGLE: _("One location"),
    LocationMix.HYBRID: _("Hybrid (several locations)"),
}
ENGAGEMENT = {
    Engagement.PROCESS: _("A process the vendor runs"),
    Engagement.WORKFORCE: _("Workforce provision: staff you direct (not BPO)"),
    Engagement.MIXED: _("A process, and staff you direct"),
}
STRENGTH = {Strength.GOOD: _("good match"), Strength.WEAK: _("weak match")}
CUSTOMIZATION = {
    Customization.STANDARD: _("Standard BPO"),
    Customization.CUSTOMIZED: _("Customized BPO"),
}
CRITERIA = {
    Criterion.SERVICES: _("Service coverage"),
    Criterion.INDUSTRY: _("Industry experience"),
    Criterion.LOCATION: _("Location fit"),
    Criterion.COVERAGE: _("Coverage hours"),
    Criterion.SECURITY: _("Security evidence"),
    Criterion.LANGUAGE: _("Working languages"),
    Criterion.WORK_SYSTEM: _("Work system"),
    Criterion.CUSTOMIZATION: _("Customisation"),
    Criterion.SIZE: _("Size for your FTEs"),
    Criterion.PRICE: _("Price against budget"),
}
ATTRIBUTE = {
    Attribute.CERTIFICATIONS: _("certifications"),
    Attribute.LANGUAGES: _("languages"),
    Attribute.INDUSTRIES: _("industries"),
    Attribute.DELIVERY_COUNTRIES: _("delivery countries"),
    Attribute.COVERAGE: _("coverage hours"),
    Attribute.SIZE_BAND: _("size"),
    Attribute.PRICE: _("price"),
    Attribute.WORK_SYSTEMS: _("work systems"),
    Attribute.CUSTOMIZATIONS: _("customisation"),
}
RISK = {
    Risk.DATA_SECURITY: _("Data security"),
    Risk.LOSS_OF_CONTROL: _("Loss of control"),
    Risk.COMMUNICATION: _("Communication"),
    Risk.HIDDEN_COSTS: _("Hidden costs"),
    Risk.INTERNAL_ADJUSTMENT: _("Internal adjustment"),
}
LEVEL = {Level.LOW: _("low"), Level.MEDIUM: _("medium"), Level.HIGH: _("high")}
STAGE = {
    Stage.NEEDS_ANALYSIS: _("Needs analysis"),
    Stage.VENDOR_SELECTION: _("Vendor selection"),
    Stage.TRANSITION: _("Transition (onboarding)"),
    Stage.RELATIONSHIP_MANAGEMENT: _("Relationship management"),
    Stage.PERFORMANCE_EVALUATION: _("Performance evaluation"),
}
METRIC = {
    Metric.FIRST_RESPONSE_TIME: _("First response time"),
    Metric.FIRST_CONTACT_RESOLUTION: _("First-contact resolution"),
    Metric.CUSTOMER_SATISFACTION: _("Customer satisfaction"),
    Metric.ACCURACY_RATE: _("Accuracy rate"),
    Metric.TURNAROUND_TIME: _("Turnaround time"),
    Metric.INCIDENT_RESOLUTION_TIME: _("Incident resolution time"),
    Metric.AVAILABILITY: _("Availability"),
    Metric.ON_TIME_DELIVERY: _("On-time delivery"),
    Metric.QUALITY_ACCEPTANCE: _("Quality acceptance"),
    Metric.SERVICE_LEVEL: _("Service level (calls)"),
    Metric.CHAT_RESPONSE_TIME: _("Chat response time"),
    Metric.EMAIL_RESPONSE_TIME: _("Email and ticket response time"),
    Metric.CONTACT_RATE: _("Contact rate"),
    Metric.CONVERSION_RATE: _("Conversion rate"),
    Metric.RIGHT_PARTY_CONTACT: _("Right-party contact rate"),
    Metric.PROMISE_TO_PAY: _("Promise-to-pay rate"),
    Metric.RECOVERY_RATE: _("Recovery rate"),
    Metric.PAYROLL_ACCURACY: _("Payroll accuracy"),
    Metric.ON_TIME_PAYMENT: _("On-time payment"),
    Metric.STATUTORY_FILING: _("Statutory filings on time"),
    Metric.CLOSE_TIME: _("Month-end close"),
    Metric.TIME_TO_HIRE: _("Time to hire"),
    Metric.RETENTION_AFTER_PROBATION: _("Retention after probation"),
    Metric.FILL_RATE: _("Fill rate"),
    Metric.TIME_TO_FILL: _("Time to fill"),
    Metric.COST_EFFICIENCY: _("Cost efficiency"),
}
POINTS_TO = {
    **APPROACH,
    **MODEL,
    **SPECIALISATION,
    **LOCATION,
    **WORK_SYSTEM,
    **CUSTOMIZATION,
    Model.BPO: _("BPO"),
    Model.KPO: _("KPO"),
    PointsTo.BPO_OR_KPO: _("BPO or KPO"),
    Approach.KEEP_IN_HOUSE: _("Keep in house"),
    Approach.CAPTIVE: _("Captive"),
    PointsTo.WORKFORCE: _("Workforce outsourcing (not BPO)"),
}
# The stages keep the source's five names; keep-in-house and captive advice walk their own
# road through them, so three stages read differently there.
STAGE_BY_APPROACH = {
    Approach.KEEP_IN_HOUSE: {
        Stage.VENDOR_SELECTION: _("What to outsource around it"),
        Stage.TRANSITION: _("Strengthen the team"),
        Stage.RELATIONSHIP_MANAGEMENT: _("Ownership"),
    },
    Approach.CAPTIVE: {
        Stage.VENDOR_SELECTION: _("Your entity and a transition partner"),
        Stage.TRANSITION: _("Build-up and hand-over"),
        Stage.RELATIONSHIP_MANAGEMENT: _("Running the centre"),
    },
}
VENDORS_HEADING = {
    Approach.OUTSOURCE: _("Vendors ranked for you"),
    Approach.KEEP_IN_HOUSE: _("Vendors for the supporting work you could outsource"),
    Approach.CAPTIVE: _("Possible transition partners for your centre"),
}


def label(table: dict, code: Any) -> str:
    """The label of a code, or the code made readable when this version has no label for
    it (a result stored by another engine version must still render)."""
    if code in table:
        return table[code]
    return str(code or "").replace("_", " ")


def _names() -> tuple[dict[str, str], dict[str, str]]:
    service_names = {s.slug: s.name for s in Service.objects.all()}
    category_names = {c.slug: c.name for c in ServiceCategory.objects.all()}
    return service_names, category_names


def due_diligence_matrix(vendors: list[dict], checklist: list[dict]) -> dict[str, Any]:
    """Open questions as rows, shortlisted vendors as columns: each question once, ticked
    for the vendors the catalog knows nothing about on that point."""
    shown = {v["slug"] for v in vendors}
    questions: dict[str, str] = {}
    decisive: set[str] = set()
    for entry in checklist:
        if entry["slug"] not in shown:
            continue
        for item in entry["questions"]:
            key = item["attribute"] or item["question"]
            questions.setdefault(key, item["question"])
            if item.get("decisive"):
                decisive.add(key)
    columns = [v for v in vendors if v["unknown"]]
    rows = [
        {
            "key": key,
            "question": question,
            "open": [key in v["unknown"] for v in columns],
            "decisive": key in decisive,
        }
        for key, question in questions.items()
    ]
    # Questions whose answer can change who is first or in the top 3 come first.
    rows.sort(key=lambda row: not row["decisive"])
    return {"columns": columns, "rows": rows}


def _grouped(entries, key, item) -> list[tuple[tuple, list]]:
    """Entries with the same key together, keys in order of first appearance."""
    groups: dict[tuple, list] = {}
    for entry in entries:
        groups.setdefault(key(entry), []).append(item(entry))
    return list(groups.items())


def legal_question_groups(legal_questions: list[dict]) -> list[dict[str, Any]]:
    """The shortlisted vendors' legal questions, each set asked once: vendors with the same
    open questions share one entry (in ranking order), so ten vendors the catalog knows
    equally little about read as one list of questions, not ten copies of it."""
    return [
        {"vendors": vendors, "questions": list(questions)}
        for questions, vendors in _grouped(
            legal_questions,
            lambda entry: tuple(q["question"] for q in entry["questions"]),
            lambda entry: entry["vendor"],
        )
    ]


def excluded_groups(excluded: list[dict]) -> list[dict[str, Any]]:
    """The excluded vendors grouped by their reasons, the reasons said once per group, the
    largest group first: the printed report names fifty excluded vendors in a paragraph or
    two, not two pages of the same sentence."""
    groups = [
        {"reasons": "; ".join(reasons), "names": names}
        for reasons, names in _grouped(
            excluded, lambda entry: tuple(entry["reasons"]), lambda entry: entry["name"]
        )
    ]
    return sorted(groups, key=lambda group: -len(group["names"]))


def rupiah(amount: int) -> str:
    return "Rp\u00a0" + number_format(amount, decimal_pos=0, force_grouping=True)


def _choice(form_class, field: str, value: Any) -> str:
    choices = dict(form_class.base_fields[field].choices)
    key = ("yes" if value else "no") if isinstance(value, bool) else value
    return str(choices.get(key, value))


def answers_summary(
    answers: dict, service_names: dict[str, str], industry_name: str, country_name: str
) -> list[dict[str, str]]:
    """The answers restated in the interface language, one row per question group, so the
    reader can check what the advice rests on (the budget above all)."""
    org = answers.get("organisation") or {}
    work = answers.get("work") or {}
    scale = answers.get("scale") or {}
    priorities = answers.get("priorities") or {}
    con = answers.get("constraints") or {}
    names = {
        "languages": _names_of(Language, con.get("languages") or []),
        "certifications": _names_of(Certification, con.get("required_certifications") or []),
    }
    budget = con.get("monthly_budget_idr")
    weeks = con.get("start_within_weeks")
    fte = scale.get("fte")

    def asked(form_class, field: str, value: Any) -> tuple[Any, str]:
        return form_class.base_fields[field].label, _choice(form_class, field, value)

    def label_of(form_class, field: str) -> Any:
        return form_class.base_fields[field].label

    tagged = [
        "organisation",
        (_("Organisation"), org.get("name") or "–"),
        (label_of(OrganisationForm, "country"), country_name),
        (label_of(OrganisationForm, "industry"), industry_name),
        asked(OrganisationForm, "size", org.get("size")),
        "services",
        (_("Services"), ", ".join(service_names.get(s, s) for s in answers.get("services", []))),
        "work",
        *(
            asked(WorkForm, field, work.get(field))
            for field in (
                "process_definition",
                "expertise",
                "customer_contact",
                "core_to_business",
                "driver",
            )
        ),
        (label_of(WorkForm, "fte"), number_format(fte, force_grouping=True) if fte else "–"),
        asked(WorkForm, "seasonal_peaks", scale.get("seasonal_peaks")),
        (
            label_of(WorkForm, "current_staff"),
            number_format(scale["current_staff"], force_grouping=True)
            if scale.get("current_staff") is not None
            else _("not given"),
        ),
        "priorities",
        (
            _("Priorities"),
            ", ".join(
                f"{PrioritiesForm.base_fields[k].label} {v}/5"
                for k, v in priorities.items()
                if k in PrioritiesForm.base_fields
            ),
        ),
        "constraints",
        asked(ConstraintsForm, "data_sensitivity", con.get("data_sensitivity")),
        (label_of(ConstraintsForm, "languages"), ", ".join(names["languages"]) or "–"),
        asked(ConstraintsForm, "coverage", con.get("coverage")),
        asked(ConstraintsForm, "location", con.get("location")),
        (
            label_of(ConstraintsForm, "monthly_budget_idr"),
            _budget_text(budget, con.get("budget_stated")),
        ),
        (
            label_of(ConstraintsForm, "start_within_weeks"),
            ngettext("%(n)s week", "%(n)s weeks", weeks) % {"n": weeks}
            if weeks is not None
            else _("not given"),
        ),
        *(
            asked(ConstraintsForm, field, con.get(field))
            for field in ("vendor_strategy", "ownership", "customization", "remote_delivery_ok")
        ),
        (
            label_of(ConstraintsForm, "required_certifications"),
            ", ".join(names["certifications"]) or _("none"),
        ),
    ]
    rows, step = [], "organisation"
    for item in tagged:
        if isinstance(item, str):
            step = item
        else:
            rows.append((step, *item))
    return [{"step": st, "question": str(q), "answer": str(a)} for st, q, a in rows]


def _budget_text(budget, stated) -> str:
    if not budget:
        return str(_("not given"))
    if not stated:
        return rupiah(budget)
    from django.utils.dateparse import parse_date
    from django.utils.formats import date_format

    return str(
        _("%(idr)s (%(code)s %(amount)s at Rp %(rate)s per %(code)s, rate of %(date)s)")
        % {
            "idr": rupiah(budget),
            "code": stated["currency"],
            "amount": number_format(stated["amount"], force_grouping=True),
            "rate": number_format(stated["rate_idr"], force_grouping=True),
            "date": date_format(parse_date(stated["rate_date"]), "DATE_FORMAT"),
        }
    )


def _names_of(model, slugs: list[str]) -> list[str]:
    found = {obj.slug: obj.name for obj in model.objects.filter(slug__in=slugs)}
    return [found.get(slug, slug) for slug in slugs]


def weight_keys(assessment: Assessment) -> list[str]:
    """The criteria the weights panel offers: those the result was scored on."""
    result = assessment.result or {}
    if result.get("weights"):
        return list(result["weights"])
    vendors = result.get("vendors") or []
    return list(vendors[0].get("criteria", {})) if vendors else []


def review_context(answers: dict) -> dict[str, Any]:
    """The check-your-answers page: every answer, grouped by the step that asks it."""
    from .forms import STEPS

    service_names, _categories = _names()
    organisation = answers.get("organisation") or {}
    industry = Industry.objects.filter(slug=organisation.get("industry")).first()
    country_name = dict(countries).get(organisation.get("country"), "")
    rows = answers_summary(answers, service_names, industry.name if industry else "", country_name)
    return {
        "groups": [
            {
                "slug": step.slug,
                "title": step.title,
                "rows": [r for r in rows if r["step"] == step.slug],
            }
            for step in STEPS
        ]
    }


RULE_KIND = {
    "must_have": _("must-have"),
    "clause": _("contract clause"),
    "action": _("action"),
    "counsel": _("ask counsel"),
}


def _day(iso: str) -> str:
    from datetime import date

    from django.utils.formats import date_format

    try:
        return date_format(date.fromisoformat(iso), "DATE_FORMAT")
    except (TypeError, ValueError):
        return iso


def result_context(assessment: Assessment, language: str | None = None) -> dict[str, Any]:
    """Everything the results page and the report show. A fixed number of queries."""
    result = services.result_render(assessment.result, language)
    service_names, category_names = _names()
    answers = assessment.answers
    rec = result["recommendation"]
    live = set(
        Vendor.objects.active()
        .filter(slug__in=[v["slug"] for v in result["vendors"]])
        .values_list("slug", flat=True)
    )
    sharing = Counter(v["rank"] for v in result["vendors"])
    accept, decisive = workspace.robustness_by_vendor(result)
    vendors = []
    for v in result["vendors"]:
        odds = accept.get(v["slug"])
        vendors.append(
            {
                **v,
                "first_pct": round(odds["first"] * 100) if odds else None,
                "top3_pct": round(odds["top3"] * 100) if odds else None,
                "first_label": f"{round(odds['first'] * 100)}%" if odds else "–",
                "top3_label": f"{round(odds['top3'] * 100)}%" if odds else "–",
                "decisive": decisive.get(v["slug"], []),
                "decisive_names": [
                    label(ATTRIBUTE, d["attribute"]) for d in decisive.get(v["slug"], [])
                ],
                "picked": v["slug"] in (assessment.shortlist or []),
                "tied": sharing[v["rank"]] > 1,
                "in_catalog": v["slug"] in live,
                "score_pct": int(round(v["score"])),
                "location_label": LOCATION.get(v.get("location_model"), _("unknown")),
                "criteria_rows": [
                    {"key": k, "label": label(CRITERIA, k), "value": val, "pct": round(val * 100)}
                    for k, val in v.get("criteria", {}).items()
                ],
                "matched_names": [service_names.get(s, s) for s in v.get("matched_services", [])],
                "missing_names": [service_names.get(s, s) for s in v.get("missing_services", [])],
                "unknown_names": [label(ATTRIBUTE, u) for u in v["unknown"]],
                "weak": v.get("strength") == Strength.WEAK,
            }
        )
    weight_rows = workspace.weight_rows(result, CRITERIA, label)
    organisation = answers.get("organisation") or {}
    industry = Industry.objects.filter(slug=organisation.get("industry")).first()
    stored_version = result.get("engine_version") or "1.0.0"
    industry_name = industry.name if industry else organisation.get("industry", "")
    country_name = dict(countries).get(organisation.get("country"), "")
    compliance = [
        {
            **c,
            "kind_label": RULE_KIND.get(c["kind"], c["kind"]),
            "reviewed_label": _day(c["reviewed_on"]),
        }
        for c in result.get("compliance") or []
    ]
    return {
        "assessment": assessment,
        "answers": answers,
        "result": result,
        # Engine 1.5: absent from results stored before, so the section is left out.
        "has_compliance": "compliance" in assessment.result,
        "compliance": compliance,
        "legal_questions": result.get("legal_questions") or [],
        "legal_question_groups": legal_question_groups(result.get("legal_questions") or []),
        "compliance_answered": "regulation" in answers,
        "rec": rec,
        "engine_version": stored_version,
        "engine_is_older": stored_version != ENGINE_VERSION,
        "confidence_pct": round((rec.get("confidence") or 0) * 100),
        "has_fit": "fit_confidence" in rec,
        "fit_pct": round((rec.get("fit_confidence") or 0) * 100),
        "notices": rec.get("notices", []),
        "approach_label": label(APPROACH, rec.get("approach")),
        "in_house": rec.get("approach") == Approach.KEEP_IN_HOUSE,
        "model_label": label(MODEL, rec.get("model")),
        "specialisation_label": SPECIALISATION.get(rec.get("specialisation") or ""),
        "location_label": label(LOCATION, rec.get("location")),
        "work_system_label": label(WORK_SYSTEM, rec.get("work_system")),
        "customization_label": label(CUSTOMIZATION, rec.get("customization")),
        # Engine 1.3 and later answer the work system's three questions separately.
        "work_system_parts": [
            (str(title), label(table, rec[key]))
            for key, title, table in (
                ("sourcing", _("Who runs the work"), SOURCING),
                ("delivery", _("Delivery"), DELIVERY),
                ("location_mix", _("Location mix"), LOCATION_MIX),
                ("engagement", _("What you buy"), ENGAGEMENT),
            )
            if rec.get(key)
        ],
        "catalog_location_label": LOCATION.get(rec.get("catalog_location"))
        if rec.get("catalog_location") and rec.get("catalog_location") != rec.get("location")
        else None,
        "supporting_names": [service_names.get(s, s) for s in rec.get("supporting_services") or []],
        "vendors_heading": VENDORS_HEADING.get(
            rec.get("approach"), VENDORS_HEADING[Approach.OUTSOURCE]
        ),
        "function_labels": [category_names.get(f, f) for f in rec.get("functions", [])],
        "rationale": [
            {**r, "points_to_label": label(POINTS_TO, r["points_to"])} for r in rec["rationale"]
        ],
        "vendors": vendors,
        "shortlist": vendors[:5],
        "excluded": result["excluded"],
        "excluded_groups": excluded_groups(result["excluded"]),
        "risks": [
            {
                **r,
                "why": r["why"][:1].upper() + r["why"][1:],  # facts start in lower case
                "label": label(RISK, r["risk"]),
                "level_label": label(LEVEL, r["level"]),
            }
            for r in result["risks"]
        ],
        "roadmap": [
            {
                **s,
                "label": STAGE_BY_APPROACH.get(rec.get("approach"), {}).get(s["stage"])
                or label(STAGE, s["stage"]),
            }
            for s in result["roadmap"]
        ],
        "sla_metrics": [
            {
                **m,
                "label": label(METRIC, m["metric"]),
                "function_label": category_names.get(m["function"], ""),
            }
            for m in result["sla_metrics"]
        ],
        "due_diligence": result["due_diligence"],
        "has_workspace": bool(result.get("weights")) and bool(vendors),
        "weight_rows": weight_rows,
        "workspace_data": {
            "weights": {row["key"]: row["points"] for row in weight_rows},
            "vendors": [
                {"slug": v["slug"], "name": v["name"], "criteria": v.get("criteria", {})}
                for v in vendors
            ],
        },
        "stability_lines": workspace.stability_lines(result, vendors, CRITERIA, label),
        "robustness_samples": (result.get("robustness") or {}).get("samples"),
        "chart": workspace.chart(vendors, assessment.shortlist or []) if vendors else None,
        "comparison": workspace.comparison(assessment, vendors, CRITERIA, ATTRIBUTE, label),
        "due_diligence_matrix": due_diligence_matrix(vendors[:5], result["due_diligence"]),
        "requested_services": [service_names.get(s, s) for s in answers.get("services", [])],
        "answers_summary": answers_summary(answers, service_names, industry_name, country_name),
        "country_name": country_name,
        "industry_name": industry_name,
    }
