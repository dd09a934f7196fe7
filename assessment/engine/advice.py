"""Risks with mitigations, the five operating stages, SLA metrics and due-diligence questions.

The five risks and five stages are those of the second source (S2). Each risk's level and
its "why" follow this client's facts (what data, how many staff, which border, which
budget); the stages follow the approach: outsourcing, a captive centre of one's own, or
keeping the work in house, each its own road.
"""

from __future__ import annotations

from dataclasses import dataclass

from bpo_advisor import regulation

from . import places, sla, wages
from . import weights as W
from .answers import Answers, Taxonomy
from .codes import LEVELS, Approach, Attribute, Location, Sourcing, Strength
from .codes import Risk as RiskCode
from .codes import Stage as StageCode
from .decide import Recommendation
from .location import DISTANCE, LOCATION_WORDS, SENSITIVITY_LABELS
from .rank import Screen, VendorMatch
from .text import Text, _, join, names_list, thousands

SlaMetric = sla.SlaMetric

# Services that handle personal data of customers, staff or patients whatever the buyer
# answers for "data sensitivity" (our reading of the services in taxonomy.md).
PERSONAL_DATA_SERVICES = frozenset(
    {
        "customer_service",
        "telecollection",
        "telemarketing",
        "payroll",
        "hr_administration",
        "recruitment",
        "claims_processing",
        "medical_billing",
        "form_processing",
    }
)


@dataclass(frozen=True)
class Risk:
    risk: str
    level: str
    why: Text
    mitigations: tuple[Text, ...]


@dataclass(frozen=True)
class Stage:
    stage: str
    actions: tuple[Text, ...]


@dataclass(frozen=True)
class Question:
    attribute: str
    question: Text
    decisive: bool = False  # its answer can change who is first or in the top 3


@dataclass(frozen=True)
class DueDiligence:
    vendor: str
    slug: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Context:
    """What the advice needs besides the answers and the recommendation: plain data."""

    taxonomy: Taxonomy
    screened: Screen
    shortlist: tuple[VendorMatch, ...]
    budget: wages.BudgetCheck | None
    # The curated labour rules apply (engine/compliance.py): they cite the law themselves.
    labour_rules: bool = False

    @property
    def delivery_countries(self) -> tuple[str, ...]:
        return tuple(sorted(self.screened.countries))


def _level(points: int) -> str:
    return LEVELS[max(0, min(2, points))]


def _names(ctx: Context, kind: str, slugs) -> Text:
    return names_list([ctx.taxonomy.name(kind, s) for s in slugs])


def _abroad(answers: Answers, rec: Recommendation, ctx: Context) -> tuple[str, ...]:
    """Delivery countries of the eligible vendors at the advised location, when abroad."""
    home = answers.organisation.country
    where = rec.delivery_location
    if where == Location.ONSHORE or rec.approach == Approach.KEEP_IN_HOUSE:
        return ()
    return tuple(c for c in ctx.delivery_countries if places.relation(home, c) == where)


def budget_check(answers: Answers, delivery_countries: tuple[str, ...]) -> wages.BudgetCheck | None:
    budget = answers.constraints.monthly_budget_idr
    if budget is None:
        return None
    for country in delivery_countries or (answers.organisation.country,):
        found = wages.check_budget(budget, answers.scale.fte, country)
        if found:
            return found
    return None


PERSONAL_DATA_WORDS = {
    "general": _("general"),
    "health": _("health"),
    "financial": _("financial"),
    "biometric": _("biometric"),
    "children": _("children's"),
}
SUPERVISED = ("bank", "financial_other")
PRICING_RISKS = {
    "per_transaction": _(
        "a price per transaction moves with volumes you do not fully control, and with how a "
        "transaction is counted"
    ),
    "outcome": _("a price per outcome depends on how outcomes are defined and measured"),
}
PRICING_CLAUSES = {
    "per_fte": _(
        "Price per FTE: ask each vendor to show the wage, the BPJS contributions and the THR "
        "inside its rate, and write how the rate follows each year's minimum-wage rise."
    ),
    "per_transaction": _(
        "Price per transaction: define what counts as one transaction, the volume bands and "
        "their prices, and what happens above and below them."
    ),
    "outcome": _(
        "Price per outcome: define each outcome, who measures it and how, and a floor and a cap "
        "on what you pay."
    ),
}


# The clauses every outsourcing contract should carry (good practice from S2's stages: the
# transition hands over data and procedures, the relationship is reviewed against the
# contract). They join the rules' own clauses in one roadmap line (engine/compliance.py).
CONTRACT_CLAUSES = (
    _(
        "your right to audit the vendor's work, systems and records, with its security audit reports"
    ),
    _(
        "exit and transition: at the end, or on termination, the vendor returns your data, "
        "documents and procedures, deletes its copies with written confirmation, and helps move "
        "the work to the next provider at agreed prices"
    ),
)


def outsources(answers: Answers, rec: Recommendation) -> bool:
    """Whether a vendor contract follows from the recommendation."""
    if rec.approach == Approach.KEEP_IN_HOUSE:
        return bool(rec.supporting_services)
    return rec.approach != Approach.CAPTIVE


def contract_lines(answers: Answers) -> list[Text]:
    """The contract's further lines the regulation answers call for."""
    reg = answers.regulation
    lines: list[Text] = []
    if reg is None:
        return lines
    if reg.sector in SUPERVISED:
        lines.append(
            _(
                "Ask counsel which access OJK must have to the vendor and its records, and write "
                "it into the audit clause."
            )
        )
    if reg.exit_plan:
        lines.append(
            _(
                "You need an exit plan: have the vendor deliver a written exit plan before "
                "go-live (who does what, data formats, timeline) and update it every year."
            )
        )
    if reg.contract_months:
        lines.append(
            _(
                "Term: %(months)s months. Write down renewal, notice period and a yearly price "
                "review.",
                months=reg.contract_months,
            )
        )
    if reg.pricing in PRICING_CLAUSES:
        lines.append(PRICING_CLAUSES[reg.pricing])
    return lines


def _security(answers: Answers, rec: Recommendation, ctx: Context) -> Risk:
    c, p = answers.constraints, answers.priorities
    home = ctx.taxonomy.name("country", answers.organisation.country)
    facts: list[Text] = []
    points = {"public": 0, "internal": 0, "confidential": 1, "regulated": 2}[c.data_sensitivity]
    facts.append(_("the data is %(level)s", level=SENSITIVITY_LABELS[c.data_sensitivity]))
    personal = [s for s in answers.services if s in PERSONAL_DATA_SERVICES]
    if personal:
        points = max(points, 1)
        facts.append(
            _(
                "personal data passes through %(services)s, whatever its label",
                services=_names(ctx, "service", personal),
            )
        )
    reg = answers.regulation
    if reg is not None and reg.personal_data:
        specific = [x for x in reg.personal_data if x in regulation.SPECIFIC_DATA]
        if specific:
            points = max(points, 2)
            facts.append(
                _(
                    "the work involves specific personal data (%(kinds)s), which the law "
                    "protects most",
                    kinds=join([PERSONAL_DATA_WORDS[x] for x in specific], ", "),
                )
            )
        else:
            points = max(points, 1)
            facts.append(_("the work involves your customers' or employees' personal data"))
    if reg is not None and reg.sector in SUPERVISED:
        points += 1
        facts.append(_("OJK supervises you, and your data rules bind the vendor too"))
    abroad = _abroad(answers, rec, ctx)
    if abroad:
        points += 1
        facts.append(
            _(
                "the data would cross the border from %(home)s to %(where)s",
                home=home,
                where=_names(ctx, "country", abroad),
            )
        )
    required = c.required_certifications
    if (
        required
        and ctx.shortlist
        and all(Attribute.CERTIFICATIONS in v.unknown for v in ctx.shortlist)
    ):
        points += 1
        facts.append(
            _(
                "no shortlisted vendor is known to hold %(certs)s",
                certs=_names(ctx, "certification", required),
            )
        )
    if p["data_security"] >= W.HIGH_PRIORITY:
        points = max(points, 1)
        facts.append(_("you rate data security %(value)s of 5", value=p["data_security"]))
    if rec.approach == Approach.KEEP_IN_HOUSE:
        points, facts = 0, [_("the work stays with your own staff: no third party holds the data")]
    mitigations = [
        _(
            "Shortlist vendors with security certifications (ISO/IEC 27001, SOC 2) and ask for "
            "the certificates and the latest audit report."
        ),
        _(
            "Sign a non-disclosure agreement and a data processing agreement before any data "
            "is handed over."
        ),
        _("Give the vendor access only to the data each process needs, and log every access."),
    ]
    if required:
        mitigations.append(
            _(
                "Make the required certifications (%(list)s) a contract condition, with the "
                "right to audit.",
                list=_names(ctx, "certification", required),
            )
        )
    if abroad and (personal or c.data_sensitivity in ("confidential", "regulated")):
        mitigations.append(
            _(
                "Ask counsel which rules govern moving this data from %(home)s to %(where)s, and "
                "write the answer into the data processing agreement.",
                home=home,
                where=_names(ctx, "country", abroad),
            )
        )
        if answers.organisation.country == "ID":
            mitigations.append(
                _(
                    "Ask counsel what Law No. 27 of 2022 on personal data protection requires "
                    "before personal data is transferred abroad."
                )
            )
    if reg is not None and reg.personal_data and rec.approach != Approach.KEEP_IN_HOUSE:
        mitigations.append(
            _(
                "Agree in the data processing agreement how fast the vendor must report a data "
                "protection failure, so that you can notify within 3 × 24 hours (UU 27/2022, "
                "Article 46)."
            )
        )
    if c.data_sensitivity == "regulated":
        mitigations.append(
            _(
                "Regulated personal, health or financial data: check with your legal team where "
                "it may be stored and processed before you sign."
            )
        )
    why = _("Sensitive information sits with a third party: %(facts)s.", facts=join(facts))
    if rec.approach == Approach.CAPTIVE:
        why = _(
            "Information leaves your head office for your own subsidiary: %(facts)s.",
            facts=join(facts),
        )
    if rec.approach == Approach.KEEP_IN_HOUSE:
        why = _("%(facts)s.", facts=join(facts))
    return Risk(RiskCode.DATA_SECURITY, _level(points), why, tuple(mitigations))


def _control(answers: Answers, rec: Recommendation, ctx: Context) -> Risk:
    p = answers.priorities
    facts: list[Text] = [
        _(
            "%(fte)s full-time staff of your work would be run by someone else",
            fte=answers.scale.fte,
        )
    ]
    points = 0
    if p["control"] >= W.HIGH_PRIORITY:
        points += 1
        facts.append(_("you rate control %(value)s of 5", value=p["control"]))
    if rec.sourcing == Sourcing.MULTI_SOURCING:
        points += 1
        facts.append(_("several vendors must be coordinated"))
    if answers.work.core_to_business:
        points += 1
        facts.append(_("the work is core to your business"))
    if rec.approach in (Approach.CAPTIVE, Approach.KEEP_IN_HOUSE):
        points = 0
        facts = [
            _("your own entity runs the work, under your own management")
            if rec.approach == Approach.CAPTIVE
            else _("your own team keeps running the work")
        ]
    return Risk(
        RiskCode.LOSS_OF_CONTROL,
        _level(points),
        _("%(facts)s.", facts=join(facts)),
        (
            _("Write a Service Level Agreement with clear, measurable targets and remedies."),
            _("Monitor the vendor through a performance dashboard or regular reports."),
            _("Keep a process owner in house who knows the work and reviews the results."),
        ),
    )


def _communication(answers: Answers, rec: Recommendation, ctx: Context) -> Risk:
    p, c = answers.priorities, answers.constraints
    home = answers.organisation.country
    where = rec.delivery_location
    far = DISTANCE[where] if rec.approach != Approach.KEEP_IN_HOUSE else 0
    abroad = _abroad(answers, rec, ctx)
    facts: list[Text] = []
    captive = rec.approach == Approach.CAPTIVE
    if abroad:
        facts.append(
            _(
                "the centre works from %(where)s, %(location)s for you",
                where=_names(ctx, "country", abroad),
                location=LOCATION_WORDS[where],
            )
            if captive
            else _(
                "the vendors work from %(where)s, %(location)s for you",
                where=_names(ctx, "country", abroad),
                location=LOCATION_WORDS[where],
            )
        )
    else:
        facts.append(
            _(
                "the work stays in %(home)s",
                home=ctx.taxonomy.name("country", home),
            )
        )
    points = far
    if answers.work.customer_contact == "direct" and far:
        points += 1
        facts.append(
            _("your customers talk to the centre's staff directly")
            if captive
            else _("your customers talk to the vendor's staff directly")
        )
    if p["communication"] >= W.HIGH_PRIORITY and far:
        points += 1
        facts.append(_("you rate easy communication %(value)s of 5", value=p["communication"]))
    spoken = ctx.screened.languages
    home_speaks = places.COUNTRY_LANGUAGES.get(home, frozenset())
    uncovered = [
        code
        for code in c.languages
        if code not in spoken
        and not (abroad and all(code in places.COUNTRY_LANGUAGES.get(x, ()) for x in abroad))
        and not (not abroad and code in home_speaks)
    ]
    if uncovered and rec.approach != Approach.KEEP_IN_HOUSE:
        points += 2 if answers.work.customer_contact != "none" else 1
        facts.append(
            _(
                "no eligible vendor is known to work in %(languages)s",
                languages=_names(ctx, "language", uncovered),
            )
        )
    mitigations = [
        _(
            "Set a fixed meeting rhythm (weekly operations, monthly review) and one named "
            "contact on each side."
        ),
        _("Agree on structured reporting and an escalation path in the contract."),
    ]
    if far:
        mitigations.append(
            _(
                "Fix the working-hour overlap and the working language in the contract; consider "
                "a nearshore or hybrid set-up to narrow the gap."
            )
        )
    if uncovered:
        mitigations.append(
            _(
                "Test each vendor's staff in %(languages)s before you sign: a sample call or "
                "document, marked by one of your own people.",
                languages=_names(ctx, "language", uncovered),
            )
        )
    if rec.approach == Approach.KEEP_IN_HOUSE:
        points = 0
    return Risk(
        RiskCode.COMMUNICATION,
        _level(points),
        _("%(facts)s.", facts=join(facts)),
        tuple(mitigations),
    )


def _hidden_costs(answers: Answers, rec: Recommendation, ctx: Context) -> Risk:
    c = answers.constraints
    facts: list[Text] = []
    points = 1
    if rec.customization == "customized":
        points += 1
        facts.append(_("a customized service adds set-up and integration work"))
    if answers.scale.fte >= W.HIDDEN_COST_FTE:
        points += 1
        facts.append(
            _("moving %(fte)s full-time staff is a large transition", fte=answers.scale.fte)
        )
    elif rec.sourcing == Sourcing.MULTI_SOURCING or rec.location_mix == "hybrid":
        points += 1
        facts.append(_("several vendors or locations each add their own costs"))
    check = ctx.budget
    if check and check.below_lowest:
        points += 2
        facts.append(
            _(
                "the budget pays only %(n)s of the %(fte)s staff even at the lowest minimum wage "
                "on file, before any vendor fee",
                n=check.staff_at_lowest,
                fte=answers.scale.fte,
            )
        )
    elif check and check.below_highest:
        points += 1
        facts.append(
            _(
                "the budget pays %(n)s of the %(fte)s staff at the Jakarta minimum wage, before "
                "any vendor fee",
                n=check.staff_at_highest,
                fte=answers.scale.fte,
            )
        )
    elif c.monthly_budget_idr and rec.customization == "standard":
        points -= 1
        facts.append(_("a standard service against a budget that covers the wage floor"))
    elif not c.monthly_budget_idr:
        facts.append(_("no budget was given to check offers against"))
    reg = answers.regulation
    if reg is not None and reg.staff_transfer:
        points += 1
        facts.append(
            _(
                "your own staff moving to the vendor bring costs of their own (terms, years of service)"
            )
        )
    if reg is not None and reg.contract_months and reg.contract_months < W.SHORT_CONTRACT_MONTHS:
        points += 1
        facts.append(
            _(
                "a contract of %(months)s months leaves little time to earn back the transition",
                months=reg.contract_months,
            )
        )
    if reg is not None and reg.pricing in ("per_transaction", "outcome"):
        facts.append(PRICING_RISKS[reg.pricing])
    abroad = _abroad(answers, rec, ctx)
    mitigations = [
        _(
            "Do a full cost analysis before signing: transition, system adjustments, licences, "
            "travel and contract changes."
        ),
        _(
            "Ask every vendor to itemise all potential costs in its offer, and compare offers on "
            "the same items."
        ),
        _("Fix how changes in volume and scope are priced in the contract."),
    ]
    if abroad:
        points += 1
        facts.append(
            _(
                "buying from %(where)s brings cross-border taxes",
                where=_names(ctx, "country", abroad),
            )
        )
        mitigations.append(
            _(
                "Ask a tax adviser whether tax must be withheld on fees paid abroad and whether "
                "VAT or GST is due on imported services, and who bears each in the contract."
            )
        )
    if check and check.below_highest:
        mitigations.append(
            _(
                "Recheck the budget against what the staff cost: wages, employer contributions and "
                "holiday allowance, plus the vendor's fee."
            )
        )
    if answers.organisation.country == "ID" and not abroad:
        mitigations.append(
            _(
                "Budget for the income-tax withholding on the service fee (PPh Article 23) and ask "
                "your tax adviser about VAT on the invoice."
            )
        )
    if rec.approach == Approach.CAPTIVE:
        facts.append(_("your own entity carries set-up, permits and management costs"))
    if not facts:
        facts.append(_("transition, system changes and contract revisions can add costs"))
    return Risk(
        RiskCode.HIDDEN_COSTS,
        _level(points),
        _("%(facts)s.", facts=join(facts)),
        tuple(mitigations),
    )


def _adjustment(answers: Answers, rec: Recommendation) -> Risk:
    c, scale = answers.constraints, answers.scale
    moving = scale.current_staff
    facts: list[Text] = []
    low, high = W.ADJUSTMENT_BANDS
    if rec.approach == Approach.CAPTIVE:
        points = 0 if scale.fte < low else 1 if scale.fte < high else 2
        if moving:
            points += 1
            facts.append(
                _("%(n)s of your staff move into a new subsidiary with its own contracts", n=moving)
            )
        else:
            facts.append(
                _(
                    "the subsidiary builds a team of %(fte)s: hiring and training it is the change",
                    fte=scale.fte,
                )
            )
    elif moving == 0:
        points = 0
        facts.append(
            _("the work is new: nobody's job moves, your teams only learn to work with the vendor")
        )
    else:
        people = moving if moving is not None else scale.fte
        points = 0 if people < low else 1 if people < high else 2
        facts.append(
            _("%(n)s of your staff do this work today and change roles", n=moving)
            if moving is not None
            else _(
                "up to %(n)s people's work changes hands (how many of your own staff do it today "
                "was not said)",
                n=people,
            )
        )
    short = c.start_within_weeks is not None and c.start_within_weeks < W.SHORT_NOTICE_WEEKS
    if short:
        points += 1
        facts.append(_("the start is %(weeks)s weeks away", weeks=c.start_within_weeks))
    if rec.approach == Approach.KEEP_IN_HOUSE:
        facts = [_("the team grows or changes in house: hiring and training take time")]
        points = 1 if scale.fte >= W.ADJUSTMENT_BANDS[0] else 0
    return Risk(
        RiskCode.INTERNAL_ADJUSTMENT,
        _level(points),
        _("%(facts)s.", facts=join(facts)),
        (
            _("Explain early why the work changes and what it changes for each team."),
            _("Train the staff who will work with the vendor, and name change champions."),
            _("Plan the hand-over in phases so that teams adjust step by step."),
        ),
    )


def risks(answers: Answers, rec: Recommendation, ctx: Context) -> tuple[Risk, ...]:
    return (
        _security(answers, rec, ctx),
        _control(answers, rec, ctx),
        _communication(answers, rec, ctx),
        _hidden_costs(answers, rec, ctx),
        _adjustment(answers, rec),
    )


def sla_metrics(answers: Answers, rec: Recommendation, taxonomy: Taxonomy):
    return sla.sla_metrics(
        answers.services,
        rec.functions,
        dict(taxonomy.service_functions),
        answers.constraints.coverage == "24_7",
    )


PRIORITY_WORDS = {
    "cost": _("price"),
    "quality": _("quality"),
    "speed": _("speed"),
    "control": _("control"),
    "data_security": _("data security"),
    "flexibility": _("flexibility"),
    "communication": _("communication"),
}


def _stages(*actions: list[Text]) -> tuple[Stage, ...]:
    """The five stages of S2, in order, each with its actions."""
    return tuple(Stage(code, tuple(lines)) for code, lines in zip(StageCode, actions, strict=True))


def _top_priorities(answers: Answers) -> Text:
    ranked = sorted(
        (k for k in PRIORITY_WORDS if k != "cost"),
        key=lambda k: (-answers.priorities[k], list(PRIORITY_WORDS).index(k)),
    )
    return join([PRIORITY_WORDS[k] for k in ranked[:2]], ", ")


def _outsource_road(
    answers: Answers, rec: Recommendation, ctx: Context, unknown_count: int, n_metrics: int
) -> tuple[Stage, ...]:
    c, scale = answers.constraints, answers.scale
    services = _names(ctx, "service", answers.services)
    good = [v for v in ctx.shortlist if v.strength == Strength.GOOD]
    weak = [v for v in ctx.shortlist if v.strength == Strength.WEAK]
    abroad = _abroad(answers, rec, ctx)
    needs = [
        _(
            "Audit %(services)s: volumes, steps, error rates and today's cost per transaction.",
            services=services,
        ),
        _(
            "Write down today's baseline for each of the %(n)s SLA metrics below, so you can tell "
            "later whether the vendor does better.",
            n=n_metrics,
        ),
    ]
    if scale.current_staff:
        needs.append(
            _(
                "Decide what happens to the %(n)s staff who do this work today (move to the "
                "vendor, other roles), and ask counsel what labour law requires for it.",
                n=scale.current_staff,
            )
        )
    if scale.seasonal_peaks:
        needs.append(
            _(
                "Chart the seasonal peaks (for example the holiday season) so that capacity can "
                "be contracted for them."
            )
        )
    if ctx.budget and ctx.budget.below_highest:
        needs.append(
            _(
                "Rework the budget: at Rp %(per)s a month per person it is below what %(fte)s "
                "staff cost at the minimum wage.",
                per=thousands(ctx.budget.per_person_budget),
                fte=scale.fte,
            )
        )
    selection: list[Text] = []
    if good:
        selection.append(
            _(
                "Invite the shortlisted vendors to a proposal: %(names)s.",
                names=", ".join(v.name for v in good[: W.INVITED]),
            )
        )
    if weak:
        selection.append(
            _(
                "Before inviting %(names)s, ask whether they can do the work: they match on part "
                "of the services or on the service label alone.",
                names=", ".join(v.name for v in weak[: W.INVITED]),
            )
        )
    if not ctx.shortlist:
        selection.append(
            _(
                "No vendor in the catalog fits: look beyond it for specialists in %(services)s "
                "before you proceed.",
                services=services,
            )
        )
    selection.append(
        _(
            "Judge offers on %(what)s and experience in your industry, not on price alone.",
            what=_top_priorities(answers),
        )
    )
    if unknown_count:
        selection.append(
            _(
                "Close the %(n)s open due-diligence question(s) listed below before you decide.",
                n=unknown_count,
            )
        )
    if "ID" in ctx.delivery_countries and ctx.shortlist and not ctx.labour_rules:
        # Without the curated labour rules (which cite the law), the law is named here.
        selection.append(
            _(
                "Check client references and that the vendor follows Indonesia's outsourcing "
                "labour rules (Law No. 13 of 2003 on manpower, as amended)."
            )
        )
    if c.required_certifications:
        selection.append(
            _(
                "Ask for the certificates you require: %(list)s.",
                list=_names(ctx, "certification", c.required_certifications),
            )
        )
    transition = [
        _(
            "Form a transition team on both sides to move the data, documents and procedures of "
            "%(services)s without losing any.",
            services=services,
        ),
    ]
    if scale.fte >= W.PARALLEL_RUN_FTE or c.data_sensitivity in ("confidential", "regulated"):
        transition.append(
            _("Run the process in parallel for a short period before you switch over.")
        )
    if c.start_within_weeks is not None:
        transition.append(
            _(
                "Work back from your start date (%(weeks)s weeks): agree a transition plan with "
                "milestones in the contract.",
                weeks=c.start_within_weeks,
            )
        )
    if rec.customization == "customized":
        transition.append(
            _("Hand over your own SOPs and test every system integration before go-live.")
        )
    if abroad:
        transition.append(
            _(
                "Agree the working-hour overlap and the working language with the team in "
                "%(where)s before go-live.",
                where=_names(ctx, "country", abroad),
            )
        )
    partner = good[0].name if good else None
    relationship = [
        _(
            "Review performance with %(vendor)s every month, and log issues until they are solved.",
            vendor=partner,
        )
        if partner
        else _(
            "Review performance with the vendor every month, and log issues until they are solved."
        )
    ]
    if rec.sourcing == Sourcing.MULTI_SOURCING and ctx.shortlist:
        relationship = [
            _(
                "Name one internal owner who coordinates all vendors and keeps hand-offs between "
                "them clear."
            )
        ]
    if rec.delivery == "cloud_based":
        relationship.append(
            _(
                "Agree how capacity is raised and lowered for the peaks: notice periods and the "
                "price per extra seat."
            )
        )
    evaluation = [
        _(
            "Measure the vendor against the %(n)s SLA metrics agreed in the contract, every month.",
            n=n_metrics,
        ),
        _(
            "Each quarter, compare the cost per deliverable with your baseline, and renegotiate "
            "or change course when value falls short."
        )
        if sla.DELIVERABLE_FUNCTIONS & set(rec.functions) and len(rec.functions) == 1
        else _(
            "Each quarter, compare the cost per transaction or per FTE for %(services)s with "
            "your baseline, and renegotiate or change course when value falls short.",
            services=services,
        ),
    ]
    return _stages(needs, selection, transition, relationship, evaluation)


def _captive_road(answers: Answers, rec: Recommendation, ctx: Context, n_metrics: int):
    scale = answers.scale
    home = answers.organisation.country
    delivery = [c for c in ctx.delivery_countries if c != home][:1] or [home]
    where = delivery[0]
    foreign_in_indonesia = where == "ID" and home != "ID"
    needs = [
        _(
            "Build the business case: what your own entity costs for %(fte)s staff (set-up, "
            "permits, premises, management) against vendors' offers for the same work.",
            fte=scale.fte,
        ),
    ]
    if answers.organisation.size in W.SMALL_FOR_CAPTIVE:
        needs.append(
            _(
                "At your size, weigh a build-operate-transfer deal: a vendor builds and runs the "
                "centre and hands it over once it works."
            )
        )
    entity = [
        _(
            "Set up a foreign-owned company (PT PMA) in Indonesia and obtain its business "
            "licence through the OSS system; ask counsel about the capital and permits it "
            "needs for this work."
        )
        if foreign_in_indonesia
        else _(
            "Set up the subsidiary in %(where)s and ask counsel which permits and licences it "
            "needs for this work.",
            where=ctx.taxonomy.name("country", where),
        )
    ]
    if ctx.shortlist:
        entity.append(
            _(
                "Choose a transition partner to help build and start the centre: %(names)s can "
                "run the work until your own team takes over.",
                names=", ".join(v.name for v in ctx.shortlist[: W.INVITED]),
            )
        )
    transition = [
        _(
            "Hire and train %(fte)s staff in phases; move the work from the partner or from your "
            "current teams step by step.",
            fte=scale.fte,
        ),
    ]
    if scale.current_staff:
        transition.append(
            _(
                "Offer the %(n)s staff who do this work today new contracts with the subsidiary; "
                "ask counsel how their rights carry over.",
                n=scale.current_staff,
            )
        )
    relationship = [
        _(
            "Run the centre with its own management, under the same service levels you would "
            "ask of a vendor."
        )
    ]
    evaluation = [
        _(
            "Measure the centre against the %(n)s SLA metrics below every month, and its cost "
            "against vendors' offers every year.",
            n=n_metrics,
        )
    ]
    return _stages(needs, entity, transition, relationship, evaluation)


def _in_house_road(answers: Answers, rec: Recommendation, ctx: Context, n_metrics: int):
    services = _names(ctx, "service", answers.services)
    needs = [
        _(
            "Map the skills your team for %(services)s needs, the people you have and the gaps.",
            services=services,
        )
    ]
    outsource = (
        [
            _(
                "Outsource only the supporting work around it: %(supporting)s; the vendors listed "
                "below are for that work, not for the core.",
                supporting=_names(ctx, "service", rec.supporting_services),
            )
        ]
        if rec.supporting_services
        else [
            _("Keep the whole of this work in house; no part of it is routine enough to hand over.")
        ]
    )
    strengthen = [
        _(
            "Strengthen the team: hire or train for the gaps, and document the process so that it "
            "does not rest on a few people."
        ),
    ]
    if answers.work.driver == "cost":
        strengthen.append(
            _(
                "You want savings from this work: look for them in tools and automation rather "
                "than in handing the core to a vendor."
            )
        )
    relationship = [
        _("Give the work an owner in management, with a budget for people and tools."),
    ]
    evaluation = [
        _(
            "Hold your own team to the %(n)s metrics below, as you would a vendor.",
            n=n_metrics,
        )
    ]
    return _stages(needs, outsource, strengthen, relationship, evaluation)


def with_lines(stages: tuple[Stage, ...], lines: dict[str, list[Text]]) -> tuple[Stage, ...]:
    """The roadmap with each stage's further lines (the rules that apply) after its own."""
    return tuple(Stage(s.stage, s.actions + tuple(lines.get(s.stage, ()))) for s in stages)


def roadmap(
    answers: Answers, rec: Recommendation, ctx: Context, unknown_count: int, n_metrics: int
) -> tuple[Stage, ...]:
    if rec.approach == Approach.KEEP_IN_HOUSE:
        return _in_house_road(answers, rec, ctx, n_metrics)
    if rec.approach == Approach.CAPTIVE:
        return _captive_road(answers, rec, ctx, n_metrics)
    return _outsource_road(answers, rec, ctx, unknown_count, n_metrics)


QUESTIONS: dict[str, Text] = {
    Attribute.CERTIFICATIONS: _(
        "Which security and quality certifications does the vendor hold? "
        "Ask for the certificates and the latest audit report."
    ),
    Attribute.LANGUAGES: _(
        "In which languages can its staff work, and how many agents per language?"
    ),
    Attribute.INDUSTRIES: _("Which clients in your industry has it served? Ask for references."),
    Attribute.DELIVERY_COUNTRIES: _("From which countries and sites would it deliver your work?"),
    Attribute.COVERAGE: _("Which hours can it cover, including weekends and holidays?"),
    Attribute.SIZE_BAND: _(
        "How many staff does it have, and can it staff your FTE need and your peaks?"
    ),
    Attribute.PRICE: _("What does one full-time agent cost per month, and what is included?"),
    Attribute.WORK_SYSTEMS: _(
        "Can it work the way recommended (cloud-based, hybrid, multi-sourcing)?"
    ),
    Attribute.CUSTOMIZATIONS: _(
        "Does it offer ready-made (standard) or customized service, and at what cost?"
    ),
}


def due_diligence(
    shortlist: tuple[VendorMatch, ...],
    languages: Text | None = None,
    decisive: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[DueDiligence, ...]:
    """Each shortlisted vendor's open questions, those that can change the decision first
    (robust.decisive_unknowns); the language question names the languages the work needs."""
    questions = dict(QUESTIONS)
    if languages is not None:
        questions[Attribute.LANGUAGES] = _(
            "Can its staff work in %(languages)s, and how many agents per language?",
            languages=languages,
        )
    return tuple(
        DueDiligence(
            v.name,
            v.slug,
            tuple(
                sorted(
                    (Question(u, questions[u], (v.slug, u) in decisive) for u in v.unknown),
                    key=lambda q: not q.decisive,
                )
            ),
        )
        for v in shortlist
        if v.unknown
    )
