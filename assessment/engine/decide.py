"""Which outsourcing model: approach, BPO or KPO and specialisation, functions, location,
work system and customisation. Every factor that moves a decision is recorded as a Reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import weights as W
from .answers import Answers, Taxonomy
from .codes import (
    LOCATIONS,
    Approach,
    Customization,
    Family,
    Location,
    Model,
    PointsTo,
    Specialisation,
    WorkSystem,
)
from .rules import ELEMENT_RULES
from .text import Text, _


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


@dataclass(frozen=True)
class Functions:
    """The requested services by task function, each function with its family."""

    counts: Counter
    families: dict[str, str]
    unclassified: tuple[str, ...]  # functions the taxonomy gives no known family

    def share(self, *families: str) -> float:
        total = sum(self.counts.values())
        return sum(n for f, n in self.counts.items() if self.families[f] in families) / total


def classify(answers: Answers, taxonomy: Taxonomy) -> Functions:
    counts = Counter(taxonomy.service_functions[s] for s in answers.services)
    known = {str(f) for f in Family}
    families, unclassified = {}, []
    for function in counts:
        family = taxonomy.function_families.get(function, "")
        if family not in known:
            unclassified.append(function)
            family = Family.BPO
        families[function] = family
    return Functions(counts, families, tuple(sorted(unclassified)))


def _ordered_functions(functions: Functions, answers: Answers, taxonomy: Taxonomy):
    # Most services first; on a tie the taxonomy's order, except that the customer-facing
    # function yields to the back office when the work does not talk to customers.
    order = [f for f in taxonomy.function_order if f in functions.counts]
    order += sorted(f for f in functions.counts if f not in order)
    if answers.work.customer_contact != "direct" and {"front_office", "back_office"} <= set(order):
        order.remove("front_office")
        order.insert(order.index("back_office") + 1, "front_office")
    counts = functions.counts
    return tuple(sorted(counts, key=lambda f: (-counts[f], order.index(f))))


def _services_element(functions: Functions, reasons: list[Reason]) -> tuple[float, float]:
    """S1's "focus" and "activities": what the requested work is."""
    for function in functions.unclassified:
        reasons.append(
            Reason(
                "services",
                Model.BPO,
                _(
                    "The function '%(function)s' has no BPO or KPO family in the catalog yet: "
                    "it is treated as business process work. A curator can set its family.",
                    function=function,
                ),
            )
        )
    kpo_share = functions.share(Family.KPO)
    bpo_share = functions.share(Family.BPO, Family.WORKFORCE)
    if kpo_share >= bpo_share:
        reasons.append(
            Reason(
                "services",
                Model.KPO,
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
                Model.BPO,
                _(
                    "%(share)s%% of the requested services are business processes (customer contact, "
                    "administration, data or IT support): the activities BPO providers run.",
                    share=round(bpo_share * 100),
                ),
            )
        )
    return W.SERVICES_WEIGHT * bpo_share, W.SERVICES_WEIGHT * kpo_share


def _model(answers: Answers, functions: Functions, reasons: list[Reason]) -> tuple[str, float]:
    """BPO vs KPO from the six elements. Returns the model and how strongly they agree."""
    bpo, kpo = _services_element(functions, reasons)
    for rule in ELEMENT_RULES:
        if getattr(answers.work, rule.factor) != rule.value:
            continue
        bpo += rule.bpo
        kpo += rule.kpo
        reasons.append(Reason(rule.factor, rule.points_to, rule.message))
    model = Model.KPO if kpo > bpo else Model.BPO
    agreement = abs(bpo - kpo) / (bpo + kpo)
    return model, agreement


SPECIALISATION_MESSAGES = {
    Specialisation.LPO: _(
        "Most requested services are legal work (contracts, legal research, "
        "litigation support): Legal Process Outsourcing, a branch of KPO."
    ),
    Specialisation.RPO: _(
        "Most requested services are research (market, financial or investment "
        "research): Research Process Outsourcing, a branch of KPO."
    ),
    Specialisation.ITES: _(
        "Most requested services are IT-enabled (help desk, IT support, development, "
        "data management): IT-Enabled Services delivered over the internet."
    ),
}
# Which model each specialisation is a branch of.
SPECIALISATION_MODEL = {
    Specialisation.LPO: Model.KPO,
    Specialisation.RPO: Model.KPO,
    Specialisation.ITES: Model.BPO,
}


def _specialisation(model: str, functions: Functions, reasons: list[Reason]) -> str | None:
    counts = functions.counts
    total = sum(counts.values())
    candidates = [(counts[s.value], s) for s in Specialisation if counts[s.value]]
    if not candidates:
        return None
    count, specialisation = max(candidates)
    if count / total < W.SPECIALISATION_SHARE or SPECIALISATION_MODEL[specialisation] != model:
        return None
    reasons.append(
        Reason("specialisation", specialisation, SPECIALISATION_MESSAGES[specialisation])
    )
    return specialisation


def _approach(answers: Answers, functions: Functions, reasons: list[Reason]) -> str:
    if answers.constraints.ownership == "own_subsidiary":
        reasons.append(
            Reason(
                "ownership",
                Approach.CAPTIVE,
                _(
                    "You want your own subsidiary to run the work: a captive centre gives full control "
                    "of quality, operating standards and compliance, at the cost of building it."
                ),
            )
        )
        return Approach.CAPTIVE
    if answers.work.core_to_business:
        reasons.append(
            Reason(
                "core_to_business",
                Approach.KEEP_IN_HOUSE,
                _(
                    "The work is core to your business. BPO is meant for supporting, non-core work so "
                    "that you can focus on the core: keep this in house and outsource what supports it."
                ),
            )
        )
        return Approach.KEEP_IN_HOUSE
    if set(functions.families.values()) == {Family.WORKFORCE}:
        reasons.append(
            Reason(
                "services",
                PointsTo.WORKFORCE,
                _(
                    "You are asking for people, not for a process: this is general workforce "
                    "outsourcing, not BPO. The vendor supplies staff; you keep running the process."
                ),
            )
        )
    return Approach.OUTSOURCE


def _location(answers: Answers, model: str, reasons: list[Reason]) -> tuple[str, float]:
    c, p, work = answers.constraints, answers.priorities, answers.work
    score = dict.fromkeys(LOCATIONS, 0.0)
    onshore_push = W.SENSITIVITY_ONSHORE[c.data_sensitivity]
    score[Location.ONSHORE] += onshore_push
    if onshore_push >= W.SENSITIVITY_REASON_THRESHOLD:
        score[Location.NEARSHORE] += onshore_push * W.NEARSHORE_SHARE_OF_SENSITIVITY
        reasons.append(
            Reason(
                "data_sensitivity",
                Location.ONSHORE,
                _(
                    "The data is %(level)s: a domestic vendor keeps it under your own country's law "
                    "and makes compliance easier.",
                    level=SENSITIVITY_LABELS[c.data_sensitivity],
                ),
            )
        )
    cost = p["cost"] - W.PRIORITY_MIDDLE
    if cost > 0:
        score[Location.OFFSHORE] += W.OFFSHORE_FOR_COST * cost
        score[Location.NEARSHORE] += W.OFFSHORE_FOR_COST * cost * W.NEARSHORE_SHARE_OF_COST
        reasons.append(
            Reason(
                "priorities.cost",
                Location.OFFSHORE,
                _("Cost matters a lot to you: offshore vendors work where wages are lower."),
            )
        )
    communication = p["communication"] - W.PRIORITY_MIDDLE
    if communication > 0:
        push = W.ONSHORE_FOR_COMMUNICATION * communication
        score[Location.ONSHORE] += push
        score[Location.NEARSHORE] += push * W.NEARSHORE_SHARE_OF_COMMUNICATION
        reasons.append(
            Reason(
                "priorities.communication",
                Location.ONSHORE,
                _(
                    "Easy communication matters to you: the same time zone, language and work culture "
                    "point to a vendor close by."
                ),
            )
        )
    control = p["control"] - W.PRIORITY_MIDDLE
    if control > 0:
        score[Location.ONSHORE] += W.ONSHORE_FOR_CONTROL * control
        reasons.append(
            Reason(
                "priorities.control",
                Location.ONSHORE,
                _(
                    "You want close control: it is easier with a vendor you can visit and coordinate "
                    "with quickly."
                ),
            )
        )
    if not c.remote_delivery_ok:
        score[Location.ONSHORE] += W.NO_REMOTE_ONSHORE
        reasons.append(
            Reason(
                "constraints.remote_delivery_ok",
                Location.ONSHORE,
                _("The vendor may not work fully remote: its staff must be within reach."),
            )
        )
    if (
        work.customer_contact == "direct"
        and "id" in c.languages
        and answers.organisation.country == "ID"
    ):
        score[Location.ONSHORE] += W.DIRECT_CONTACT_ONSHORE
        reasons.append(
            Reason(
                "customer_contact",
                Location.ONSHORE,
                _(
                    "Your customers will talk to the vendor's staff in Indonesian: local agents know "
                    "the language and the culture."
                ),
            )
        )
    if model == Model.KPO and work.driver == "expertise":
        score[Location.OFFSHORE] += W.KPO_EXPERTISE_OFFSHORE
        reasons.append(
            Reason(
                "driver",
                Location.OFFSHORE,
                _(
                    "For specialist knowledge work the best talent pool may be abroad: countries such "
                    "as India and those of Eastern Europe are known for KPO."
                ),
            )
        )

    ranked = sorted(LOCATIONS, key=lambda loc: (-score[loc], LOCATIONS.index(loc)))
    best, second = ranked[0], ranked[1]
    spread = sum(score.values()) or 1.0
    agreement = min(1.0, (score[best] - score[second]) / spread + W.LOCATION_AGREEMENT_FLOOR)
    if c.location != "any":
        if c.location != best and score[best] > score[c.location] + W.PREFERENCE_OVERRIDE_MARGIN:
            reasons.append(
                Reason(
                    "constraints.location",
                    c.location,
                    _(
                        "You prefer %(location)s, so that is the recommendation, although the other "
                        "factors lean towards %(other)s: weigh that before you decide.",
                        location=LOCATION_LABELS[c.location],
                        other=LOCATION_LABELS[best],
                    ),
                )
            )
            return c.location, W.LOCATION_FIT_PREFERENCE_CONTESTED
        reasons.append(
            Reason(
                "constraints.location",
                c.location,
                _(
                    "You prefer %(location)s, and nothing else speaks strongly against it.",
                    location=LOCATION_LABELS[c.location],
                ),
            )
        )
        return c.location, max(agreement, W.LOCATION_FIT_PREFERENCE_HELD)
    if not any(score.values()):
        reasons.append(
            Reason(
                "location",
                Location.ONSHORE,
                _("Nothing pushes the work abroad, so a domestic vendor is the simplest choice."),
            )
        )
        return Location.ONSHORE, W.LOCATION_FIT_DEFAULT
    if best == Location.NEARSHORE:
        reasons.append(
            Reason(
                "location",
                Location.NEARSHORE,
                _(
                    "Cost and ease of coordination both matter: a vendor in a neighbouring country "
                    "balances the two."
                ),
            )
        )
    return best, agreement


def _work_system(
    answers: Answers, approach: str, functions: Functions, reasons: list[Reason]
) -> tuple[str, float]:
    # A gap in today's catalog is never a reason for several vendors: that is a catalog
    # gap, and the result says so as a notice (fit.py), not as the client's operating model.
    c, p = answers.constraints, answers.priorities
    fit = W.WORK_SYSTEM_FIT
    if approach == Approach.CAPTIVE:
        return WorkSystem.CAPTIVE, 1.0
    if c.vendor_strategy == "multi":
        reasons.append(
            Reason(
                "constraints.vendor_strategy",
                WorkSystem.MULTI_SOURCING,
                _(
                    "You want several vendors: multi-sourcing lowers the dependence on one provider and "
                    "takes the best of each for its function."
                ),
            )
        )
        return WorkSystem.MULTI_SOURCING, fit["stated_multi"]
    flexible = p["flexibility"] >= W.FLEXIBILITY_HIGH or answers.scale.seasonal_peaks
    if c.remote_delivery_ok and flexible:
        reasons.append(
            Reason(
                "priorities.flexibility",
                WorkSystem.CLOUD_BASED,
                _(
                    "Demand swings or flexibility matters, and the work may be done remotely: a "
                    "cloud-based BPO scales capacity up and down as you need."
                ),
            )
        )
        return WorkSystem.CLOUD_BASED, fit["cloud_for_flexibility"]
    mixed = len(functions.counts) >= 2 and answers.scale.fte >= W.HYBRID_MIN_FTE
    if mixed and p["cost"] >= W.HYBRID_PRIORITY and p["communication"] >= W.HYBRID_PRIORITY:
        reasons.append(
            Reason(
                "scale",
                WorkSystem.HYBRID,
                _(
                    "A large, mixed workload with both cost and communication high on your list: a "
                    "hybrid model keeps the sensitive or customer-facing part close and sends the rest "
                    "where it is cheaper."
                ),
            )
        )
        return WorkSystem.HYBRID, fit["hybrid_for_mixed_load"]
    if c.vendor_strategy == "single":
        reasons.append(
            Reason(
                "constraints.vendor_strategy",
                WorkSystem.SINGLE_VENDOR,
                _("You want one vendor: one contract, one SLA, one relationship to manage."),
            )
        )
        return WorkSystem.SINGLE_VENDOR, fit["stated_single"]
    reasons.append(
        Reason(
            "work_system",
            WorkSystem.SINGLE_VENDOR,
            _("The workload fits one vendor: one contract and one SLA are the easiest to control."),
        )
    )
    return WorkSystem.SINGLE_VENDOR, fit["default_single"]


def _customization(answers: Answers, model: str, reasons: list[Reason]) -> tuple[str, float]:
    fit = W.CUSTOMIZATION_FIT
    if answers.constraints.customization == "custom":
        reasons.append(
            Reason(
                "constraints.customization",
                Customization.CUSTOMIZED,
                _(
                    "Your own SOPs, system integration or special requirements call for a customized "
                    "service rather than ready-made templates."
                ),
            )
        )
        return Customization.CUSTOMIZED, fit["asked_custom"]
    if model == Model.KPO or answers.work.process_definition == "judgment":
        reasons.append(
            Reason(
                "constraints.customization",
                Customization.STANDARD,
                _(
                    "You asked for a standard service, but knowledge work rarely fits templates: expect "
                    "to adapt it to your needs."
                ),
            )
        )
        return Customization.STANDARD, fit["standard_for_knowledge"]
    reasons.append(
        Reason(
            "constraints.customization",
            Customization.STANDARD,
            _(
                "The process can run on a vendor's ready-made templates: standard BPO is quicker and "
                "cheaper to set up."
            ),
        )
    )
    return Customization.STANDARD, fit["standard"]


def decide(answers: Answers, taxonomy: Taxonomy) -> Recommendation:
    reasons: list[Reason] = []
    functions = classify(answers, taxonomy)
    approach = _approach(answers, functions, reasons)
    model, model_agreement = _model(answers, functions, reasons)
    specialisation = _specialisation(model, functions, reasons)
    location, location_agreement = _location(answers, model, reasons)
    work_system, system_fit = _work_system(answers, approach, functions, reasons)
    customization, custom_fit = _customization(answers, model, reasons)
    blend = W.CONFIDENCE_BLEND
    confidence = (
        blend["model"] * (0.5 + model_agreement / 2)
        + blend["location"] * location_agreement
        + blend["work_system"] * system_fit
        + blend["customization"] * custom_fit
    )
    if approach == Approach.KEEP_IN_HOUSE and answers.work.driver == "cost":
        confidence -= W.CORE_COST_TENSION
    low, high = W.CONFIDENCE_RANGE
    return Recommendation(
        approach=approach,
        model=model,
        specialisation=specialisation,
        functions=_ordered_functions(functions, answers, taxonomy),
        location=location,
        work_system=work_system,
        customization=customization,
        confidence=round(max(low, min(high, confidence)), 2),
        rationale=tuple(reasons),
    )


SENSITIVITY_LABELS = {
    "public": _("public"),
    "internal": _("internal"),
    "confidential": _("confidential"),
    "regulated": _("regulated personal, health or financial data"),
}
LOCATION_LABELS = {
    Location.ONSHORE: _("onshore (a domestic vendor)"),
    Location.NEARSHORE: _("nearshore (a neighbouring country)"),
    Location.OFFSHORE: _("offshore (overseas)"),
}
