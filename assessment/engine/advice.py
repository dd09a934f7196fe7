"""Risks with mitigations, the five operating stages, SLA metrics and due-diligence questions.

The five risks and five stages are those of the second source; levels and actions are
fitted to the answers and the recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import weights as W
from .answers import Answers
from .codes import LEVELS, Approach, Attribute, Location, Metric, WorkSystem
from .codes import Risk as RiskCode
from .codes import Stage as StageCode
from .decide import Recommendation
from .rank import VendorMatch
from .text import Text, _


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
class SlaMetric:
    metric: str
    function: str
    target: Text


@dataclass(frozen=True)
class Question:
    attribute: str
    question: Text


@dataclass(frozen=True)
class DueDiligence:
    vendor: str
    slug: str
    questions: tuple[Question, ...]


def _level(points: int) -> str:
    return LEVELS[max(0, min(2, points))]


def risks(answers: Answers, rec: Recommendation) -> tuple[Risk, ...]:
    c, p = answers.constraints, answers.priorities
    high = W.HIGH_PRIORITY
    far = {Location.ONSHORE: 0, Location.NEARSHORE: 1, Location.OFFSHORE: 2}[rec.location]

    security = {"public": 0, "internal": 0, "confidential": 1, "regulated": 2}[c.data_sensitivity]
    security += 1 if far == 2 else 0
    security = max(security, 1 if p["data_security"] >= high else 0)
    security_mitigations = [
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
    if c.required_certifications:
        security_mitigations.append(
            _(
                "Make the required certifications (%(list)s) a contract "
                "condition, with the right to audit.",
                list=", ".join(c.required_certifications),
            )
        )
    if c.data_sensitivity == "regulated":
        security_mitigations.append(
            _(
                "Regulated personal, health or financial data: check "
                "with your legal team where it may be stored and "
                "processed before you sign."
            )
        )

    control = 1 if p["control"] >= high else 0
    control += 1 if rec.work_system == WorkSystem.MULTI_SOURCING else 0
    control += 1 if answers.work.core_to_business else 0
    control = 0 if rec.approach == Approach.CAPTIVE else control

    communication = far
    communication += 1 if answers.work.customer_contact == "direct" and far else 0
    communication += 1 if p["communication"] >= high and far else 0
    comm_mitigations = [
        _(
            "Set a fixed meeting rhythm (weekly operations, monthly review) and one named "
            "contact on each side."
        ),
        _("Agree on structured reporting and an escalation path in the contract."),
    ]
    if far:
        comm_mitigations.append(
            _(
                "Fix the working-hour overlap and the working language in "
                "the contract; consider a nearshore or hybrid set-up to "
                "narrow the gap."
            )
        )

    hidden = 1
    hidden += 1 if rec.customization == "customized" else 0
    hidden += (
        1
        if answers.scale.fte >= W.HIDDEN_COST_FTE
        or rec.work_system in (WorkSystem.HYBRID, WorkSystem.MULTI_SOURCING)
        else 0
    )
    hidden -= 1 if c.monthly_budget_idr and rec.customization == "standard" else 0

    adjustment = 0
    adjustment += 1 if answers.scale.fte >= W.ADJUSTMENT_FTE else 0
    short_notice = c.start_within_weeks is not None and c.start_within_weeks < W.SHORT_NOTICE_WEEKS
    adjustment += 1 if short_notice else 0
    adjustment += (
        1 if rec.approach == Approach.KEEP_IN_HOUSE or answers.work.core_to_business else 0
    )

    return (
        Risk(
            RiskCode.DATA_SECURITY,
            _level(security),
            _("Sensitive company information sits with a third party."),
            tuple(security_mitigations),
        ),
        Risk(
            RiskCode.LOSS_OF_CONTROL,
            _level(control),
            _("Work you used to run yourself is now run by someone else."),
            (
                _("Write a Service Level Agreement with clear, measurable targets and remedies."),
                _("Monitor the vendor through a performance dashboard or regular reports."),
                _("Keep a process owner in house who knows the work and reviews the results."),
            ),
        ),
        Risk(
            RiskCode.COMMUNICATION,
            _level(communication),
            _("Distance, time zones, language and work culture can get in the way."),
            tuple(comm_mitigations),
        ),
        Risk(
            RiskCode.HIDDEN_COSTS,
            _level(hidden),
            _("Transition, system changes and contract revisions can add costs."),
            (
                _(
                    "Do a full cost analysis before signing: transition, system adjustments, "
                    "licences, travel and contract changes."
                ),
                _(
                    "Ask every vendor to itemise all potential costs in its offer, and compare offers "
                    "on the same items."
                ),
                _("Fix how changes in volume and scope are priced in the contract."),
            ),
        ),
        Risk(
            RiskCode.INTERNAL_ADJUSTMENT,
            _level(adjustment),
            _("Your own staff need time to adjust to the new way of working."),
            (
                _("Explain early why you outsource and what it changes for each team."),
                _("Train the staff who will work with the vendor, and name change champions."),
                _("Plan the hand-over in phases so that teams adjust step by step."),
            ),
        ),
    )


def roadmap(
    answers: Answers, rec: Recommendation, shortlist: tuple[VendorMatch, ...], unknown_count: int
) -> tuple[Stage, ...]:
    c = answers.constraints
    names = ", ".join(v.name for v in shortlist[:3])
    needs = [
        _(
            "Audit the %(n)s process(es) you plan to outsource: volumes, steps, error rates and "
            "current cost per transaction.",
            n=len(answers.services),
        ),
        _(
            "Confirm the work is supporting, not core: BPO suits work that frees you to focus "
            "on what creates value."
        ),
        _(
            "Write down today's baseline for each SLA metric below, so you can tell later "
            "whether the vendor does better."
        ),
    ]
    if answers.scale.seasonal_peaks:
        needs.append(
            _(
                "Chart the seasonal peaks (for example the holiday season) so that "
                "capacity can be contracted for them."
            )
        )
    selection = []
    if shortlist:
        selection.append(_("Invite the shortlisted vendors to a proposal: %(names)s.", names=names))
    else:
        selection.append(
            _(
                "No vendor in the catalog fits well: look for specialists beyond "
                "it before you proceed."
            )
        )
    selection.append(
        _(
            "Judge offers on reputation, specific expertise, experience in your "
            "industry and the ability to secure data, not on price alone."
        )
    )
    if unknown_count:
        selection.append(
            _(
                "Close the %(n)s open due-diligence question(s) listed below before you decide.",
                n=unknown_count,
            )
        )
    selection.append(
        _(
            "Check client references and portfolios, and that the vendor follows "
            "Indonesia's outsourcing labour rules (Law No. 13 of 2003)."
        )
    )
    if c.required_certifications:
        selection.append(
            _(
                "Ask for the certificates you require: %(list)s.",
                list=", ".join(c.required_certifications),
            )
        )
    transition = [
        _(
            "Form a transition team on both sides to move data, documents and procedures without "
            "losing any."
        ),
        _("Run the process in parallel for a short period before you switch over."),
    ]
    if c.start_within_weeks is not None:
        transition.append(
            _(
                "Work back from your start date (%(weeks)s weeks): agree a "
                "transition plan with milestones in the contract.",
                weeks=c.start_within_weeks,
            )
        )
    if rec.customization == "customized":
        transition.append(
            _("Hand over your own SOPs and test every system integration before go-live.")
        )
    relationship = [
        _(
            "Treat the vendor as a strategic partner: regular communication and performance "
            "review meetings."
        ),
        _(
            "Adjust the process together when something does not work, and log issues until "
            "they are solved."
        ),
    ]
    if rec.work_system == WorkSystem.MULTI_SOURCING:
        relationship.append(
            _(
                "Name one internal owner who coordinates all vendors and keeps "
                "hand-offs between them clear."
            )
        )
    evaluation = [
        _("Measure the vendor against the SLA metrics agreed in the contract, every month."),
        _(
            "Review cost efficiency against your baseline each quarter, and renegotiate or "
            "change course when value falls short."
        ),
    ]
    return (
        Stage(StageCode.NEEDS_ANALYSIS, tuple(needs)),
        Stage(StageCode.VENDOR_SELECTION, tuple(selection)),
        Stage(StageCode.TRANSITION, tuple(transition)),
        Stage(StageCode.RELATIONSHIP_MANAGEMENT, tuple(relationship)),
        Stage(StageCode.PERFORMANCE_EVALUATION, tuple(evaluation)),
    )


def sla_metrics(answers: Answers, rec: Recommendation) -> tuple[SlaMetric, ...]:
    round_the_clock = answers.constraints.coverage == "24_7"
    metrics: list[SlaMetric] = []
    functions = set(rec.functions)
    if "front_office" in functions:
        metrics += [
            SlaMetric(
                Metric.FIRST_RESPONSE_TIME,
                "front_office",
                _(
                    "80%% of calls answered within 20 seconds; chat and email within 1 hour%(when)s.",
                    when=_(", round the clock") if round_the_clock else _(", in service hours"),
                ),
            ),
            SlaMetric(
                Metric.FIRST_CONTACT_RESOLUTION,
                "front_office",
                _("At least 75%% of contacts resolved at the first contact."),
            ),
            SlaMetric(
                Metric.CUSTOMER_SATISFACTION,
                "front_office",
                _("Customer satisfaction (CSAT) of at least 85%%, measured after each contact."),
            ),
        ]
    if "back_office" in functions:
        metrics += [
            SlaMetric(
                Metric.ACCURACY_RATE,
                "back_office",
                _("At least 99%% of records or transactions without error, checked by sampling."),
            ),
            SlaMetric(
                Metric.TURNAROUND_TIME,
                "back_office",
                _(
                    "95%% of items processed within the agreed turnaround (for example 1 working day)."
                ),
            ),
        ]
    if "ites" in functions:
        metrics += [
            SlaMetric(
                Metric.INCIDENT_RESOLUTION_TIME,
                "ites",
                _("Critical incidents resolved within 4 hours, others within 1 working day."),
            ),
            SlaMetric(
                Metric.AVAILABILITY,
                "ites",
                _("Systems and services available at least 99.5%% of the agreed hours."),
            ),
        ]
    if functions & {"kpo", "lpo", "rpo"}:
        metrics += [
            SlaMetric(
                Metric.ON_TIME_DELIVERY,
                "kpo",
                _("At least 95%% of deliverables on the agreed date."),
            ),
            SlaMetric(
                Metric.QUALITY_ACCEPTANCE,
                "kpo",
                _("At least 90%% of deliverables accepted at first review, without rework."),
            ),
        ]
    if "workforce" in functions:
        metrics += [
            SlaMetric(
                Metric.FILL_RATE,
                "workforce",
                _("At least 95%% of requested shifts or positions filled on time."),
            ),
            SlaMetric(
                Metric.TIME_TO_FILL,
                "workforce",
                _("Positions filled within the agreed number of days (for example 5)."),
            ),
        ]
    metrics.append(
        SlaMetric(
            Metric.COST_EFFICIENCY,
            "all",
            _(
                "Cost per transaction or per FTE at or below the contracted rate, reviewed "
                "against your baseline each quarter."
            ),
        )
    )
    return tuple(metrics)


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


def due_diligence(shortlist: tuple[VendorMatch, ...]) -> tuple[DueDiligence, ...]:
    return tuple(
        DueDiligence(v.name, v.slug, tuple(Question(u, QUESTIONS[u]) for u in v.unknown))
        for v in shortlist
        if v.unknown
    )
