"""Which outsourcing model: approach, BPO or KPO and specialisation, functions, location,
work system and customisation. Every factor that moves a decision is recorded as a Reason,
and each decision ends with one that says what decided it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import weights as W
from .answers import Answers, Taxonomy
from .codes import (
    Approach,
    Customization,
    Delivery,
    Engagement,
    Family,
    LocationMix,
    Model,
    PointsTo,
    Sourcing,
    Specialisation,
    WorkSystem,
)
from .location import DISTANCE, LocationDecision, decide_location
from .rules import ELEMENT_RULES
from .text import Text, _, names_list


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
    sourcing: str = Sourcing.SINGLE_VENDOR
    delivery: str = Delivery.ON_SITE
    location_mix: str = LocationMix.SINGLE
    engagement: str = Engagement.PROCESS
    # Where the catalog's vendors for this advice deliver from, relative to the client:
    # the location itself when some vendor delivers from there, else the nearest location
    # that has vendors (and a notice says so); None when no vendor's location is known.
    catalog_location: str | None = None
    # For keep-in-house advice: the supporting services that could still be outsourced.
    supporting_services: tuple[str, ...] = ()
    location_detail: LocationDecision | None = None

    @property
    def delivery_location(self) -> str:
        """Where the work would actually be delivered from with the vendors listed."""
        return self.catalog_location or self.location


@dataclass(frozen=True)
class Supply:
    """Where the eligible catalog vendors deliver from: plain data from the screen."""

    countries: frozenset[str] = frozenset()
    eligible: int = 0
    best_coverage: float = 0.0


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


def _function_names(functions: Functions, taxonomy: Taxonomy, *families: str):
    chosen = [f for f in taxonomy.function_order if f in functions.counts] + sorted(
        f for f in functions.counts if f not in taxonomy.function_order
    )
    return names_list(
        [taxonomy.name("function", f) for f in chosen if functions.families[f] in families]
    )


def _services_element(
    functions: Functions, taxonomy: Taxonomy, reasons: list[Reason]
) -> tuple[float, float]:
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
                    "%(share)s%% of the requested services are knowledge work (%(functions)s): the "
                    "activities of KPO, not of process outsourcing.",
                    share=round(kpo_share * 100),
                    functions=_function_names(functions, taxonomy, Family.KPO),
                ),
            )
        )
    else:
        reasons.append(
            Reason(
                "services",
                Model.BPO,
                _(
                    "%(share)s%% of the requested services are business processes (%(functions)s): "
                    "the activities BPO providers run.",
                    share=round(bpo_share * 100),
                    functions=_function_names(functions, taxonomy, Family.BPO, Family.WORKFORCE),
                ),
            )
        )
    return W.SERVICES_WEIGHT * bpo_share, W.SERVICES_WEIGHT * kpo_share


def _model(
    answers: Answers, functions: Functions, taxonomy: Taxonomy, reasons: list[Reason]
) -> tuple[str, float]:
    """BPO vs KPO from the six elements. Returns the model and how strongly they agree."""
    bpo, kpo = _services_element(functions, taxonomy, reasons)
    # (points for BPO, points for KPO, what the element is) of every element that counted
    weighed = [(bpo, kpo, ELEMENT_WORDS["services"])]
    for rule in ELEMENT_RULES:
        if getattr(answers.work, rule.factor) != rule.value:
            continue
        bpo += rule.bpo
        kpo += rule.kpo
        weighed.append((rule.bpo, rule.kpo, ELEMENT_WORDS[rule.factor]))
        reasons.append(Reason(rule.factor, rule.points_to, rule.message))
    model = Model.KPO if kpo > bpo else Model.BPO
    agreement = abs(bpo - kpo) / (bpo + kpo)
    side = 1 if model == Model.KPO else 0
    decider = max(weighed, key=lambda row: row[side] - row[1 - side])
    against = max(weighed, key=lambda row: row[1 - side] - row[side])
    won, lost = (kpo, bpo) if side else (bpo, kpo)
    reasons.append(
        Reason(
            "model",
            model,
            _(
                "%(model)s wins by %(won)s points to %(lost)s, decided above all by %(decider)s; "
                "%(other)s pointed the other way.",
                model=MODEL_WORDS[model],
                won=_points(won),
                lost=_points(lost),
                decider=decider[2],
                other=against[2],
            )
            if against[1 - side] > against[side]
            else _(
                "%(model)s wins by %(won)s points to %(lost)s, decided above all by %(decider)s; "
                "no element pointed the other way.",
                model=MODEL_WORDS[model],
                won=_points(won),
                lost=_points(lost),
                decider=decider[2],
            ),
        )
    )
    return model, agreement


def _points(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


MODEL_WORDS = {Model.BPO: _("BPO"), Model.KPO: _("KPO")}
ELEMENT_WORDS = {
    "services": _("what the requested services are"),
    "process_definition": _("how the work is defined"),
    "expertise": _("the skills it needs"),
    "driver": _("what drives the decision"),
    "customer_contact": _("contact with your customers"),
}


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
    size = answers.organisation.size
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
        if size in W.SMALL_FOR_CAPTIVE:
            reasons.append(
                Reason(
                    "organisation.size",
                    Approach.OUTSOURCE,
                    _(
                        "For an organisation of your size a subsidiary is a large investment in "
                        "set-up, permits and management; compare it with a vendor's offer first."
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
    return Approach.OUTSOURCE


def _engagement(functions: Functions, reasons: list[Reason]) -> str:
    workforce = functions.share(Family.WORKFORCE)
    if workforce == 1:
        reasons.append(
            Reason(
                "services",
                PointsTo.WORKFORCE,
                _(
                    "You are asking for people, not for a process: this is workforce provision, "
                    "not BPO. The vendor supplies staff; you keep running and supervising the work."
                ),
            )
        )
        return Engagement.WORKFORCE
    if workforce > 0:
        reasons.append(
            Reason(
                "services",
                PointsTo.WORKFORCE,
                _(
                    "Part of the request is people rather than a process: for that part the vendor "
                    "supplies staff you direct, and the SLA measures filling the positions."
                ),
            )
        )
        return Engagement.MIXED
    return Engagement.PROCESS


# What could still be outsourced around core work, by the function of the core work
# (our judgment: the routine work that surrounds each kind of core team).
SUPPORTING_BY_FUNCTION = {
    "front_office": ("order_processing", "data_entry"),
    "back_office": ("data_conversion", "ocr_indexing", "data_entry"),
    "ites": ("it_helpdesk", "it_support"),
    "kpo": ("data_entry", "database_management"),
    "lpo": ("ocr_indexing", "data_conversion"),
    "rpo": ("data_entry", "database_management"),
}


def _supporting(answers: Answers, functions: Functions, taxonomy: Taxonomy) -> tuple[str, ...]:
    requested = set(answers.services)
    out: list[str] = []
    for function in functions.counts:
        for service in SUPPORTING_BY_FUNCTION.get(function, ()):
            if service in taxonomy.service_functions and service not in requested:
                out.append(service)
    return tuple(dict.fromkeys(out))


def _work_system(
    answers: Answers,
    approach: str,
    functions: Functions,
    located: LocationDecision,
    reasons: list[Reason],
) -> tuple[str, str, str, str, float]:
    """Sourcing, delivery and location mix, each its own question (questionnaire.md, "Work
    system"), and the headline work system that follows from them.

    A gap in today's catalog is never a reason for several vendors: that is a catalog gap,
    and the result says so as a notice (fit.py), not as the client's operating model."""
    c, p = answers.constraints, answers.priorities
    fit = W.WORK_SYSTEM_FIT
    # -- sourcing: who runs the work
    if approach == Approach.CAPTIVE:
        sourcing, sourcing_fit = Sourcing.CAPTIVE, 1.0
    elif c.vendor_strategy == "multi" and answers.scale.fte < W.MULTI_SOURCING_MIN_FTE:
        sourcing, sourcing_fit = Sourcing.SINGLE_VENDOR, fit["stated_multi_too_small"]
        reasons.append(
            Reason(
                "constraints.vendor_strategy",
                WorkSystem.SINGLE_VENDOR,
                _(
                    "You asked for several vendors, but %(fte)s full-time staff is too small a team "
                    "to split: each vendor adds a contract, an SLA and hand-offs to manage. One "
                    "vendor is advised; add a second when the work grows.",
                    fte=answers.scale.fte,
                ),
            )
        )
    elif c.vendor_strategy == "multi":
        sourcing, sourcing_fit = Sourcing.MULTI_SOURCING, fit["stated_multi"]
        reasons.append(
            Reason(
                "constraints.vendor_strategy",
                WorkSystem.MULTI_SOURCING,
                _(
                    "You asked for several vendors: multi-sourcing lowers the dependence on one "
                    "provider and takes the best of each for its function."
                ),
            )
        )
    elif (
        c.vendor_strategy == "no_preference"
        and answers.scale.fte >= W.MULTI_SOURCING_SCALE_FTE
        and len(functions.counts) >= 2
    ):
        sourcing, sourcing_fit = Sourcing.MULTI_SOURCING, fit["multi_for_scale"]
        reasons.append(
            Reason(
                "scale",
                WorkSystem.MULTI_SOURCING,
                _(
                    "%(fte)s full-time staff across %(n)s functions is a large dependence on one "
                    "provider: give each function its own vendor to spread the risk.",
                    fte=answers.scale.fte,
                    n=len(functions.counts),
                ),
            )
        )
    elif c.vendor_strategy == "single":
        sourcing, sourcing_fit = Sourcing.SINGLE_VENDOR, fit["stated_single"]
        reasons.append(
            Reason(
                "constraints.vendor_strategy",
                WorkSystem.SINGLE_VENDOR,
                _(
                    "You asked for one vendor, and the advice keeps it: one contract, one SLA, "
                    "one relationship to manage."
                ),
            )
        )
    else:
        sourcing, sourcing_fit = Sourcing.SINGLE_VENDOR, fit["default_single"]
        reasons.append(
            Reason(
                "work_system",
                WorkSystem.SINGLE_VENDOR,
                _(
                    "%(fte)s full-time staff fits one vendor: one contract and one SLA are the "
                    "easiest to control.",
                    fte=answers.scale.fte,
                ),
            )
        )
    # -- delivery: from sites or remotely
    flexible = p["flexibility"] >= W.FLEXIBILITY_HIGH or answers.scale.seasonal_peaks
    if c.remote_delivery_ok and flexible and sourcing != Sourcing.CAPTIVE:
        delivery, delivery_fit = Delivery.CLOUD_BASED, fit["cloud_for_flexibility"]
        why = (
            _("your demand has seasonal peaks")
            if answers.scale.seasonal_peaks
            else _("flexibility matters to you (%(value)s of 5)", value=p["flexibility"])
        )
        reasons.append(
            Reason(
                "priorities.flexibility",
                WorkSystem.CLOUD_BASED,
                _(
                    "Delivered cloud-based: %(why)s and you allow remote work, so capacity can "
                    "scale up and down without new sites. This is how the work is delivered, not "
                    "how many vendors run it.",
                    why=why,
                ),
            )
        )
    else:
        delivery, delivery_fit = Delivery.ON_SITE, 1.0
    # -- location mix: one location or several
    mixed = len(functions.counts) >= 2 and answers.scale.fte >= W.HYBRID_MIN_FTE
    if mixed and p["cost"] >= W.HYBRID_PRIORITY and p["communication"] >= W.HYBRID_PRIORITY:
        mix, mix_fit = LocationMix.HYBRID, fit["hybrid_for_mixed_load"]
        reasons.append(
            Reason(
                "scale",
                WorkSystem.HYBRID,
                _(
                    "%(fte)s full-time staff over %(n)s functions, with both cost and communication "
                    "high on your list: a hybrid set-up keeps the sensitive or customer-facing part "
                    "close and sends the rest where it is cheaper.",
                    fte=answers.scale.fte,
                    n=len(functions.counts),
                ),
            )
        )
    else:
        mix, mix_fit = LocationMix.SINGLE, 1.0
    if sourcing == Sourcing.CAPTIVE:
        headline = WorkSystem.CAPTIVE
    elif sourcing == Sourcing.MULTI_SOURCING:
        headline = WorkSystem.MULTI_SOURCING
    elif mix == LocationMix.HYBRID:
        headline = WorkSystem.HYBRID
    elif delivery == Delivery.CLOUD_BASED:
        headline = WorkSystem.CLOUD_BASED
    else:
        headline = WorkSystem.SINGLE_VENDOR
    return sourcing, delivery, mix, headline, min(sourcing_fit, delivery_fit, mix_fit)


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


def _catalog_location(location: str, home: str, supply: Supply) -> str | None:
    """The location of the vendors the advice can list: the advised one when some eligible
    vendor delivers from there, else the nearest one that has vendors."""
    from .places import relation

    offered = {relation(home, country) for country in supply.countries}
    if not offered:
        return None
    if location in offered:
        return location
    return min(offered, key=lambda loc: (abs(DISTANCE[loc] - DISTANCE[location]), DISTANCE[loc]))


def decide(answers: Answers, taxonomy: Taxonomy, supply: Supply | None = None) -> Recommendation:
    supply = supply or Supply()
    reasons: list[Reason] = []
    functions = classify(answers, taxonomy)
    approach = _approach(answers, functions, reasons)
    engagement = _engagement(functions, reasons)
    model, model_agreement = _model(answers, functions, taxonomy, reasons)
    specialisation = _specialisation(model, functions, reasons)
    located = decide_location(answers, taxonomy, model, supply.countries)
    for push in located.pushes + located.notes:
        if push.explanation.msgid:
            reasons.append(Reason(push.factor, push.location, push.explanation))
    reasons.append(Reason("location", located.location, located.summary))
    # Keep-in-house advice carries no operating model for a vendor: the values stay (the
    # contract has them) but their reasons are left out of the rationale.
    kept = reasons if approach != Approach.KEEP_IN_HOUSE else []
    sourcing, delivery, mix, work_system, system_fit = _work_system(
        answers, approach, functions, located, kept
    )
    customization, custom_fit = _customization(answers, model, kept)
    blend = W.CONFIDENCE_BLEND
    confidence = (
        blend["model"] * (0.5 + model_agreement / 2)
        + blend["location"] * located.agreement
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
        location=located.location,
        work_system=work_system,
        customization=customization,
        confidence=round(max(low, min(high, confidence)), 2),
        rationale=tuple(reasons),
        sourcing=sourcing,
        delivery=delivery,
        location_mix=mix,
        engagement=engagement,
        catalog_location=_catalog_location(located.location, answers.organisation.country, supply),
        supporting_services=_supporting(answers, functions, taxonomy)
        if approach == Approach.KEEP_IN_HOUSE
        else (),
        location_detail=located,
    )
