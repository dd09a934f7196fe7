"""Service levels per service and channel, as data: each target with its basis.

S2 names performance evaluation against the SLA as the fifth stage but gives no numbers.
The targets below are the levels outsourcing contracts commonly start from; each row says
where its number comes from, and where the right level depends on the client's own work
(a collection portfolio, a research brief) the target is set against the baseline the
client measures in the needs analysis rather than invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from .codes import Metric
from .text import Text, _

# Which requested services each group of metrics serves (service slugs from taxonomy.md).
INBOUND_CONTACT = frozenset({"customer_service", "technical_support", "sales_support"})
OUTBOUND_SALES = frozenset({"telemarketing"})
COLLECTIONS = frozenset({"telecollection"})
PAYROLL = frozenset({"payroll"})
ACCOUNTING = frozenset({"bookkeeping"})
RECORDS = frozenset(
    {
        "data_entry",
        "data_conversion",
        "ocr_indexing",
        "form_processing",
        "hr_administration",
        "order_processing",
        "procurement",
        "claims_processing",
        "medical_billing",
    }
)
IT_OPERATIONS = frozenset({"it_helpdesk", "it_support", "database_management"})
DEVELOPMENT = frozenset({"software_development"})
HIRING = frozenset({"recruitment"})
STAFFING = frozenset({"staffing", "contract_staffing"})

BASIS_CONTACT_CENTRE = _(
    "The service levels contact centres commonly contract (80/20 on the phone); adjust "
    "them to your customers' expectations."
)
BASIS_CHANNEL = _(
    "Each channel has its own pace: chat is live, email and tickets are answered in "
    "hours; common contracted levels."
)
BASIS_BASELINE = _(
    "The right level depends on your portfolio and market: set it from the baseline you "
    "measure in the needs analysis, then raise it at each review."
)
BASIS_PAYROLL = _(
    "Pay runs tolerate almost no error: every wrong payslip is a person paid wrongly; "
    "common contracted levels."
)
BASIS_STATUTORY = _(
    "Tax and social-security filings have legal deadlines: late filing is fined, so the "
    "target is every filing on time."
)
BASIS_RECORDS = _("Levels commonly contracted for transaction processing, checked by sampling.")
BASIS_IT = _("Levels commonly contracted for IT service management, by incident priority.")
BASIS_DELIVERABLES = _(
    "Knowledge work is bought by deliverable, not by seat: measure what is delivered, when, "
    "and whether it is accepted."
)
BASIS_HIRING = _("Levels commonly contracted with staffing and recruitment providers.")
BASIS_COST = _(
    "S2: review cost efficiency against your baseline; the unit follows how the work is bought."
)


@dataclass(frozen=True)
class SlaRule:
    metric: str
    services: frozenset[str]  # the rule applies when any of these is requested
    functions: frozenset[str]  # ... or any of these functions is recommended
    target: Text
    basis: Text


def _rules(round_the_clock: bool) -> tuple[SlaRule, ...]:
    when = _("round the clock") if round_the_clock else _("in service hours")
    none: frozenset[str] = frozenset()
    knowledge = frozenset({"kpo", "lpo", "rpo"})
    return (
        SlaRule(
            Metric.SERVICE_LEVEL,
            INBOUND_CONTACT,
            none,
            _("80%% of calls answered within 20 seconds, %(when)s.", when=when),
            BASIS_CONTACT_CENTRE,
        ),
        SlaRule(
            Metric.CHAT_RESPONSE_TIME,
            INBOUND_CONTACT,
            none,
            _("90%% of chats answered within 60 seconds, %(when)s.", when=when),
            BASIS_CHANNEL,
        ),
        SlaRule(
            Metric.EMAIL_RESPONSE_TIME,
            INBOUND_CONTACT,
            none,
            _("95%% of emails and tickets answered within 4 working hours."),
            BASIS_CHANNEL,
        ),
        SlaRule(
            Metric.FIRST_CONTACT_RESOLUTION,
            INBOUND_CONTACT,
            none,
            _("At least 75%% of contacts resolved at the first contact."),
            BASIS_CONTACT_CENTRE,
        ),
        SlaRule(
            Metric.CUSTOMER_SATISFACTION,
            INBOUND_CONTACT,
            none,
            _("Customer satisfaction (CSAT) of at least 85%%, measured after each contact."),
            BASIS_CONTACT_CENTRE,
        ),
        SlaRule(
            Metric.CONTACT_RATE,
            OUTBOUND_SALES | COLLECTIONS,
            none,
            _("Share of dialled numbers that reach a person, at least your current rate."),
            BASIS_BASELINE,
        ),
        SlaRule(
            Metric.CONVERSION_RATE,
            OUTBOUND_SALES,
            none,
            _("Sales or appointments per reached contact, at least your current rate."),
            BASIS_BASELINE,
        ),
        SlaRule(
            Metric.RIGHT_PARTY_CONTACT,
            COLLECTIONS,
            none,
            _("Share of calls that reach the debtor in person, at least your current rate."),
            BASIS_BASELINE,
        ),
        SlaRule(
            Metric.PROMISE_TO_PAY,
            COLLECTIONS,
            none,
            _("Promises to pay per right-party contact, and the share of promises kept."),
            BASIS_BASELINE,
        ),
        SlaRule(
            Metric.RECOVERY_RATE,
            COLLECTIONS,
            none,
            _("Amount recovered as a share of the amount placed, per portfolio age."),
            BASIS_BASELINE,
        ),
        SlaRule(
            Metric.PAYROLL_ACCURACY,
            PAYROLL,
            none,
            _("At least 99.9%% of payslips correct, every pay run."),
            BASIS_PAYROLL,
        ),
        SlaRule(
            Metric.ON_TIME_PAYMENT,
            PAYROLL,
            none,
            _("Every salary paid on the pay date."),
            BASIS_PAYROLL,
        ),
        SlaRule(
            Metric.STATUTORY_FILING,
            PAYROLL | ACCOUNTING,
            none,
            _("Every tax and social-security filing made before its deadline."),
            BASIS_STATUTORY,
        ),
        SlaRule(
            Metric.CLOSE_TIME,
            ACCOUNTING,
            none,
            _("Books closed within 5 working days of month end, accounts reconciled."),
            BASIS_RECORDS,
        ),
        SlaRule(
            Metric.ACCURACY_RATE,
            RECORDS,
            none,
            _("At least 99.5%% of records or transactions without error, checked by sampling."),
            BASIS_RECORDS,
        ),
        SlaRule(
            Metric.TURNAROUND_TIME,
            RECORDS,
            none,
            _("95%% of items processed within the agreed turnaround (for example 1 working day)."),
            BASIS_RECORDS,
        ),
        SlaRule(
            Metric.INCIDENT_RESOLUTION_TIME,
            IT_OPERATIONS,
            none,
            _("Critical incidents resolved within 4 hours, others within 1 working day."),
            BASIS_IT,
        ),
        SlaRule(
            Metric.AVAILABILITY,
            IT_OPERATIONS,
            none,
            _("Systems and services available at least 99.5%% of the agreed hours."),
            BASIS_IT,
        ),
        SlaRule(
            Metric.ON_TIME_DELIVERY,
            DEVELOPMENT,
            knowledge,
            _("At least 95%% of deliverables or milestones on the agreed date."),
            BASIS_DELIVERABLES,
        ),
        SlaRule(
            Metric.QUALITY_ACCEPTANCE,
            DEVELOPMENT,
            knowledge,
            _("At least 90%% of deliverables accepted at first review, without rework."),
            BASIS_DELIVERABLES,
        ),
        SlaRule(
            Metric.TIME_TO_HIRE,
            HIRING,
            none,
            _("Roles filled within the agreed number of days from the request."),
            BASIS_HIRING,
        ),
        SlaRule(
            Metric.RETENTION_AFTER_PROBATION,
            HIRING,
            none,
            _("At least 90%% of hires still in the role after probation."),
            BASIS_HIRING,
        ),
        SlaRule(
            Metric.FILL_RATE,
            STAFFING,
            frozenset({"workforce"}),
            _("At least 95%% of requested shifts or positions filled on time."),
            BASIS_HIRING,
        ),
        SlaRule(
            Metric.TIME_TO_FILL,
            STAFFING,
            frozenset({"workforce"}),
            _("Positions filled within the agreed number of days (for example 5)."),
            BASIS_HIRING,
        ),
    )


# Knowledge and development work is priced per deliverable or hour, process work per FTE.
DELIVERABLE_FUNCTIONS = frozenset({"kpo", "lpo", "rpo"})


@dataclass(frozen=True)
class SlaMetric:
    metric: str
    function: str
    target: Text
    basis: Text


def sla_metrics(
    services: tuple[str, ...],
    functions: tuple[str, ...],
    service_functions: dict[str, str],
    round_the_clock: bool,
) -> tuple[SlaMetric, ...]:
    requested, recommended = set(services), set(functions)
    out: list[SlaMetric] = []
    for rule in _rules(round_the_clock):
        hit = requested & rule.services
        if not hit and not recommended & rule.functions:
            continue
        function = (
            service_functions.get(min(hit), "all") if hit else min(recommended & rule.functions)
        )
        out.append(SlaMetric(rule.metric, function, rule.target, rule.basis))
    by_deliverable = (
        recommended
        and recommended <= DELIVERABLE_FUNCTIONS | {"ites"}
        and not (requested & (IT_OPERATIONS | INBOUND_CONTACT | RECORDS))
    )
    out.append(
        SlaMetric(
            Metric.COST_EFFICIENCY,
            "all",
            _(
                "Cost per deliverable or per billed hour at or below the agreed rate, reviewed "
                "against your baseline each quarter."
            )
            if by_deliverable
            else _(
                "Cost per transaction or per FTE at or below the contracted rate, reviewed "
                "against your baseline each quarter."
            ),
            BASIS_COST,
        )
    )
    return tuple(out)
