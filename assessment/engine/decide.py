"""Which outsourcing model: approach, BPO or KPO and specialisation, functions, location,
work system and customisation. Every factor that moves a decision is recorded as a Reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import weights as W
from .answers import Answers, Taxonomy
from .text import Text, _

KPO_FUNCTIONS = frozenset({"kpo", "lpo", "rpo"})
BPO_FUNCTIONS = frozenset({"front_office", "back_office", "ites"})
LOCATIONS = ("onshore", "nearshore", "offshore")


@dataclass(frozen=True)
class Reason:
    factor: str
    points_to: str
    explanation: Text


@dataclass(frozen=True)
class Recommendation:
    approach: str
    model: str
    specialisation: str | None
    functions: tuple[str, ...]
    location: str
    work_system: str
    customization: str
    confidence: float
    rationale: tuple[Reason, ...]


def _function_counts(answers: Answers, taxonomy: Taxonomy) -> Counter:
    return Counter(taxonomy.service_functions[s] for s in answers.services)


def _ordered_functions(counts: Counter, answers: Answers) -> tuple[str, ...]:
    # Most services first; on a tie the customer-facing function leads when the work
    # faces customers, then a fixed order.
    order = ["front_office", "back_office", "ites", "kpo", "lpo", "rpo", "workforce"]
    if answers.work.customer_contact != "direct":
        order.remove("front_office")
        order.insert(1, "front_office")
    return tuple(sorted(counts, key=lambda f: (-counts[f], order.index(f))))


def _model(answers: Answers, counts: Counter, reasons: list[Reason]) -> tuple[str, float]:
    """BPO vs KPO from the six elements. Returns the model and how strongly they agree."""
    bpo = kpo = 0.0
    total = sum(counts.values())
    kpo_share = sum(counts[f] for f in KPO_FUNCTIONS) / total
    bpo_share = sum(counts[f] for f in BPO_FUNCTIONS | {"workforce"}) / total
    bpo += W.SERVICES_WEIGHT * bpo_share
    kpo += W.SERVICES_WEIGHT * kpo_share
    if kpo_share >= bpo_share:
        reasons.append(
            Reason(
                "services",
                "kpo",
                _(
                    "%(share)s%% of the requested services are knowledge work (analysis, research, "
                    "design, legal or content): the activities of KPO, not of process outsourcing.",
                    share=round(kpo_share * 100),
                ),
            )
        )
    else:
        reasons.append(
            Reason(
                "services",
                "bpo",
                _(
                    "%(share)s%% of the requested services are business processes (customer contact, "
                    "administration, data or IT support): the activities BPO providers run.",
                    share=round(bpo_share * 100),
                ),
            )
        )

    work = answers.work
    if work.process_definition == "predefined":
        bpo += W.PROCESS_WEIGHT
        reasons.append(
            Reason(
                "process_definition",
                "bpo",
                _(
                    "The work follows predefined procedures (SOPs): BPO is built to run such processes."
                ),
            )
        )
    elif work.process_definition == "judgment":
        kpo += W.PROCESS_WEIGHT
        reasons.append(
            Reason(
                "process_definition",
                "kpo",
                _(
                    "The work needs business understanding and judgement rather than a script: "
                    "that is knowledge process outsourcing."
                ),
            )
        )
    else:
        bpo += W.PROCESS_WEIGHT / 2
        kpo += W.PROCESS_WEIGHT / 2
        reasons.append(
            Reason(
                "process_definition",
                "bpo_or_kpo",
                _("The work mixes procedures and judgement: it does not settle BPO against KPO."),
            )
        )

    if work.expertise == "basic":
        bpo += W.EXPERTISE_WEIGHT
        reasons.append(
            Reason(
                "expertise",
                "bpo",
                _(
                    "Good communication and basic computer skills suffice: the staff profile of BPO."
                ),
            )
        )
    elif work.expertise == "specialist":
        kpo += W.EXPERTISE_WEIGHT
        reasons.append(
            Reason(
                "expertise",
                "kpo",
                _(
                    "The work needs specialised knowledge (professionals, analysts, experts): "
                    "the staff profile of KPO."
                ),
            )
        )
    else:
        bpo += W.EXPERTISE_WEIGHT * 0.6
        kpo += W.EXPERTISE_WEIGHT * 0.4
        reasons.append(
            Reason(
                "expertise",
                "bpo",
                _(
                    "Trained, skilled staff without specialist degrees: within reach of a good BPO, "
                    "with some lean towards KPO."
                ),
            )
        )

    if work.driver == "cost":
        bpo += W.DRIVER_WEIGHT
        reasons.append(
            Reason(
                "driver",
                "bpo",
                _("The driving force is cost and efficiency, which is what BPO is driven by."),
            )
        )
    elif work.driver == "expertise":
        kpo += W.DRIVER_WEIGHT
        reasons.append(
            Reason(
                "driver",
                "kpo",
                _("The driving force is knowledge and insight, which is what KPO is driven by."),
            )
        )

    if work.customer_contact == "direct":
        bpo += W.CONTACT_WEIGHT
        reasons.append(
            Reason(
                "customer_contact",
                "bpo",
                _(
                    "The work talks to your customers directly (calls, chat, email): front-office "
                    "contact is classic BPO work."
                ),
            )
        )

    model = "kpo" if kpo > bpo else "bpo"
    agreement = abs(bpo - kpo) / (bpo + kpo)
    return model, agreement


def _specialisation(model: str, counts: Counter, reasons: list[Reason]) -> str | None:
    total = sum(counts.values())
    candidates = [(counts[f], f) for f in ("lpo", "rpo", "ites") if counts[f]]
    if not candidates:
        return None
    count, function = max(candidates)
    if count / total < W.SPECIALISATION_SHARE:
        return None
    if function in ("lpo", "rpo") and model != "kpo":
        return None
    if function == "ites" and model != "bpo":
        return None
    messages = {
        "lpo": _(
            "Most requested services are legal work (contracts, legal research, "
            "litigation support): Legal Process Outsourcing, a branch of KPO."
        ),
        "rpo": _(
            "Most requested services are research (market, financial or investment "
            "research): Research Process Outsourcing, a branch of KPO."
        ),
        "ites": _(
            "Most requested services are IT-enabled (help desk, IT support, development, "
            "data management): IT-Enabled Services delivered over the internet."
        ),
    }
    reasons.append(Reason("specialisation", function, messages[function]))
    return function


def _approach(answers: Answers, counts: Counter, reasons: list[Reason]) -> str:
    if answers.constraints.ownership == "own_subsidiary":
        reasons.append(
            Reason(
                "ownership",
                "captive",
                _(
                    "You want your own subsidiary to run the work: a captive centre gives full control "
                    "of quality, operating standards and compliance, at the cost of building it."
                ),
            )
        )
        return "captive"
    if answers.work.core_to_business:
        reasons.append(
            Reason(
                "core_to_business",
                "keep_in_house",
                _(
                    "The work is core to your business. BPO is meant for supporting, non-core work so "
                    "that you can focus on the core: keep this in house and outsource what supports it."
                ),
            )
        )
        return "keep_in_house"
    if set(counts) == {"workforce"}:
        reasons.append(
            Reason(
                "services",
                "workforce",
                _(
                    "You are asking for people, not for a process: this is general workforce "
                    "outsourcing, not BPO. The vendor supplies staff; you keep running the process."
                ),
            )
        )
    return "outsource"


def _location(answers: Answers, model: str, reasons: list[Reason]) -> tuple[str, float]:
    c, p, work = answers.constraints, answers.priorities, answers.work
    score = dict.fromkeys(LOCATIONS, 0.0)
    onshore_push = W.SENSITIVITY_ONSHORE[c.data_sensitivity]
    if onshore_push >= 1.5:
        score["onshore"] += onshore_push
        score["nearshore"] += onshore_push / 3
        reasons.append(
            Reason(
                "data_sensitivity",
                "onshore",
                _(
                    "The data is %(level)s: a domestic vendor keeps it under your own country's law "
                    "and makes compliance easier.",
                    level=_sensitivity_label(c.data_sensitivity),
                ),
            )
        )
    else:
        score["onshore"] += onshore_push
    cost = p["cost"] - 3
    if cost > 0:
        score["offshore"] += W.OFFSHORE_FOR_COST * cost
        score["nearshore"] += W.OFFSHORE_FOR_COST * cost * 0.6
        reasons.append(
            Reason(
                "priorities.cost",
                "offshore",
                _("Cost matters a lot to you: offshore vendors work where wages are lower."),
            )
        )
    communication = p["communication"] - 3
    if communication > 0:
        score["onshore"] += W.ONSHORE_FOR_COMMUNICATION * communication
        score["nearshore"] += W.ONSHORE_FOR_COMMUNICATION * communication * 0.6
        reasons.append(
            Reason(
                "priorities.communication",
                "onshore",
                _(
                    "Easy communication matters to you: the same time zone, language and work culture "
                    "point to a vendor close by."
                ),
            )
        )
    control = p["control"] - 3
    if control > 0:
        score["onshore"] += W.ONSHORE_FOR_CONTROL * control
        reasons.append(
            Reason(
                "priorities.control",
                "onshore",
                _(
                    "You want close control: it is easier with a vendor you can visit and coordinate "
                    "with quickly."
                ),
            )
        )
    if not c.remote_delivery_ok:
        score["onshore"] += W.NO_REMOTE_ONSHORE
        reasons.append(
            Reason(
                "constraints.remote_delivery_ok",
                "onshore",
                _("The vendor may not work fully remote: its staff must be within reach."),
            )
        )
    if (
        work.customer_contact == "direct"
        and "id" in c.languages
        and answers.organisation.country == "ID"
    ):
        score["onshore"] += W.DIRECT_CONTACT_ONSHORE
        reasons.append(
            Reason(
                "customer_contact",
                "onshore",
                _(
                    "Your customers will talk to the vendor's staff in Indonesian: local agents know "
                    "the language and the culture."
                ),
            )
        )
    if model == "kpo" and work.driver == "expertise":
        score["offshore"] += W.KPO_EXPERTISE_OFFSHORE
        reasons.append(
            Reason(
                "driver",
                "offshore",
                _(
                    "For specialist knowledge work the best talent pool may be abroad: countries such "
                    "as India and those of Eastern Europe are known for KPO."
                ),
            )
        )

    ranked = sorted(LOCATIONS, key=lambda loc: (-score[loc], LOCATIONS.index(loc)))
    best, second = ranked[0], ranked[1]
    spread = sum(score.values()) or 1.0
    agreement = min(1.0, (score[best] - score[second]) / spread + 0.3)
    if c.location != "any":
        if c.location != best and score[best] > score[c.location] + 1.0:
            reasons.append(
                Reason(
                    "constraints.location",
                    c.location,
                    _(
                        "You prefer %(location)s, so that is the recommendation, although the other "
                        "factors lean towards %(other)s: weigh that before you decide.",
                        location=_location_label(c.location),
                        other=_location_label(best),
                    ),
                )
            )
            return c.location, 0.3
        reasons.append(
            Reason(
                "constraints.location",
                c.location,
                _(
                    "You prefer %(location)s, and nothing else speaks strongly against it.",
                    location=_location_label(c.location),
                ),
            )
        )
        return c.location, max(agreement, 0.7)
    if not any(score.values()):
        reasons.append(
            Reason(
                "location",
                "onshore",
                _("Nothing pushes the work abroad, so a domestic vendor is the simplest choice."),
            )
        )
        return "onshore", 0.5
    if best == "nearshore":
        reasons.append(
            Reason(
                "location",
                "nearshore",
                _(
                    "Cost and ease of coordination both matter: a vendor in a neighbouring country "
                    "balances the two."
                ),
            )
        )
    return best, agreement


def _work_system(
    answers: Answers, approach: str, counts: Counter, best_coverage: float, reasons: list[Reason]
) -> tuple[str, float]:
    c, p = answers.constraints, answers.priorities
    if approach == "captive":
        return "captive", 1.0
    if c.vendor_strategy == "multi":
        reasons.append(
            Reason(
                "constraints.vendor_strategy",
                "multi_sourcing",
                _(
                    "You want several vendors: multi-sourcing lowers the dependence on one provider and "
                    "takes the best of each for its function."
                ),
            )
        )
        return "multi_sourcing", 0.9
    if c.vendor_strategy == "no_preference" and len(answers.services) >= 2 and best_coverage < 1:
        reasons.append(
            Reason(
                "catalog_coverage",
                "multi_sourcing",
                _(
                    "No single vendor in the catalog covers every requested service (the best covers "
                    "%(share)s%%): split the work among several vendors.",
                    share=round(best_coverage * 100),
                ),
            )
        )
        return "multi_sourcing", 0.6
    flexible = p["flexibility"] >= 4 or answers.scale.seasonal_peaks
    if c.remote_delivery_ok and flexible:
        reasons.append(
            Reason(
                "priorities.flexibility",
                "cloud_based",
                _(
                    "Demand swings or flexibility matters, and the work may be done remotely: a "
                    "cloud-based BPO scales capacity up and down as you need."
                ),
            )
        )
        return "cloud_based", 0.7
    mixed = len(counts) >= 2 and answers.scale.fte >= 50
    if mixed and p["cost"] >= 4 and p["communication"] >= 4:
        reasons.append(
            Reason(
                "scale",
                "hybrid",
                _(
                    "A large, mixed workload with both cost and communication high on your list: a "
                    "hybrid model keeps the sensitive or customer-facing part close and sends the rest "
                    "where it is cheaper."
                ),
            )
        )
        return "hybrid", 0.6
    if c.vendor_strategy == "single":
        reasons.append(
            Reason(
                "constraints.vendor_strategy",
                "single_vendor",
                _("You want one vendor: one contract, one SLA, one relationship to manage."),
            )
        )
        return "single_vendor", 0.8
    reasons.append(
        Reason(
            "work_system",
            "single_vendor",
            _("The workload fits one vendor: one contract and one SLA are the easiest to control."),
        )
    )
    return "single_vendor", 0.6


def _customization(answers: Answers, model: str, reasons: list[Reason]) -> tuple[str, float]:
    if answers.constraints.customization == "custom":
        reasons.append(
            Reason(
                "constraints.customization",
                "customized",
                _(
                    "Your own SOPs, system integration or special requirements call for a customized "
                    "service rather than ready-made templates."
                ),
            )
        )
        return "customized", 1.0
    if model == "kpo" or answers.work.process_definition == "judgment":
        reasons.append(
            Reason(
                "constraints.customization",
                "standard",
                _(
                    "You asked for a standard service, but knowledge work rarely fits templates: expect "
                    "to adapt it to your needs."
                ),
            )
        )
        return "standard", 0.4
    reasons.append(
        Reason(
            "constraints.customization",
            "standard",
            _(
                "The process can run on a vendor's ready-made templates: standard BPO is quicker and "
                "cheaper to set up."
            ),
        )
    )
    return "standard", 1.0


def decide(answers: Answers, taxonomy: Taxonomy, best_coverage: float) -> Recommendation:
    """``best_coverage``: the largest share of the requested services one vendor offers."""
    reasons: list[Reason] = []
    counts = _function_counts(answers, taxonomy)
    approach = _approach(answers, counts, reasons)
    model, model_agreement = _model(answers, counts, reasons)
    specialisation = _specialisation(model, counts, reasons)
    location, location_agreement = _location(answers, model, reasons)
    work_system, system_fit = _work_system(answers, approach, counts, best_coverage, reasons)
    customization, custom_fit = _customization(answers, model, reasons)
    confidence = (
        0.45 * (0.5 + model_agreement / 2)
        + 0.25 * location_agreement
        + 0.15 * system_fit
        + 0.15 * custom_fit
    )
    if approach == "keep_in_house" and answers.work.driver == "cost":
        confidence -= 0.1  # wants savings yet the work is core: a real tension
    return Recommendation(
        approach=approach,
        model=model,
        specialisation=specialisation,
        functions=_ordered_functions(counts, answers),
        location=location,
        work_system=work_system,
        customization=customization,
        confidence=round(max(0.05, min(0.99, confidence)), 2),
        rationale=tuple(reasons),
    )


def _sensitivity_label(level: str) -> Text:
    return {
        "public": _("public"),
        "internal": _("internal"),
        "confidential": _("confidential"),
        "regulated": _("regulated personal, health or financial data"),
    }[level]


def _location_label(location: str) -> Text:
    return {
        "onshore": _("onshore (a domestic vendor)"),
        "nearshore": _("nearshore (a neighbouring country)"),
        "offshore": _("offshore (overseas)"),
    }[location]
