"""Which Indonesian rules apply to this buyer, why, and what to do: plain data in, plain
data out.

The rules are curated data (catalog.ComplianceRule, shipped in fixtures/compliance.json):
the engine receives them as ``Rule`` records with their conditions, like the catalog's
vendors, and never decides what a law says. A rule applies when every condition it names
holds for the answers (README, "Regulation-aware advice"); each condition that holds
becomes a reason the buyer reads. Guidance, not legal advice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bpo_advisor import regulation

from . import wages
from .answers import Answers
from .location import LOCATION_WORDS
from .text import Name, Text, _, join, name, thousands

SPECIFIC_DATA = frozenset(regulation.SPECIFIC_DATA)
SECTOR_WORDS = {
    "none": _("no sector supervisor"),
    "bank": _("a bank supervised by OJK"),
    "financial_other": _("another financial institution supervised by OJK"),
    "health": _("health care"),
    "public": _("the public sector"),
}


# The legal facts every outsourcing vendor should show (PP 35/2021, Article 20: a legal
# entity with a business licence; Articles 18-19: its workers' protection), and those that
# matter once personal data is involved; each unknown one is a question before signing.
LEGAL_QUESTIONS = {
    "legal_entity": _("What is its legal entity (a PT or PT PMA)? Ask for the deed."),
    "nib": _("What is its business identification number (NIB), and which licence does it hold?"),
    "bpjs_compliant": _("Are all the staff who would do your work registered with BPJS?"),
}
DATA_QUESTIONS = {
    "data_locations": _(
        "In which countries would your data be stored and processed, backups included?"
    ),
    "pse_registered": _("Is it registered as a private electronic system operator (PSE)?"),
}


@dataclass(frozen=True)
class LegalQuestions:
    slug: str
    vendor: str
    questions: tuple[tuple[str, Text], ...]  # (fact, question)


@dataclass(frozen=True)
class Rule:
    slug: str
    area: str
    kind: str  # must_have | clause | action | counsel
    title: Name
    summary: Name
    action: Name
    source: str
    source_url: str
    reviewed_on: str  # ISO date
    conditions: dict = field(default_factory=dict, hash=False)
    stage: str = ""  # the roadmap stage; empty: regulation.DEFAULT_STAGE for its kind

    @property
    def roadmap_stage(self) -> str:
        return self.stage or regulation.DEFAULT_STAGE.get(self.kind, "needs_analysis")


@dataclass(frozen=True)
class Applied:
    rule: Rule
    why: tuple[Text, ...]


def rule(
    slug: str,
    area: str,
    kind: str,
    *,
    title: dict[str, str],
    summary: dict[str, str],
    action: dict[str, str],
    source: str,
    reviewed_on: str,
    conditions: dict | None = None,
    source_url: str = "",
    stage: str = "",
) -> Rule:
    return Rule(
        slug,
        area,
        kind,
        name(**title),
        name(**summary),
        name(**action),
        source,
        source_url,
        reviewed_on,
        dict(conditions or {}),
        stage if stage in regulation.STAGES else "",
    )


def _reasons(conditions: dict, answers: Answers, location: str | None) -> list[Text] | None:
    """The reasons the rule applies, or None when a condition fails."""
    reg = answers.regulation
    why: list[Text] = []
    for key, wanted in conditions.items():
        if key == "client_abroad":
            abroad = answers.organisation.country != "ID"
            if abroad != wanted:
                return None
            why.append(
                _("Your organisation is outside Indonesia.")
                if abroad
                else _("Your organisation is in Indonesia.")
            )
            continue
        if key == "location_in":
            if location not in wanted:
                return None
            why.append(
                _(
                    "The recommended delivery location is %(location)s.",
                    location=LOCATION_WORDS.get(location, location),
                )
            )
            continue
        if reg is None:
            return None  # the regulation questions were not answered
        if key == "sector_in":
            if reg.sector not in wanted:
                return None
            why.append(
                _("Your sector: %(sector)s.", sector=SECTOR_WORDS.get(reg.sector, reg.sector))
            )
        elif key == "personal_data":
            if bool(reg.personal_data) != wanted:
                return None
            if wanted:
                why.append(_("The work involves personal data."))
        elif key == "specific_data":
            specific = bool(SPECIFIC_DATA & set(reg.personal_data))
            if specific != wanted:
                return None
            if wanted:
                why.append(_("The work involves specific (sensitive) personal data."))
        elif key == "data_abroad":
            if reg.data_abroad_ok is None or reg.data_abroad_ok != wanted:
                return None
            why.append(
                _("You allow the data to be processed outside Indonesia.")
                if wanted
                else _("You answered that the data must stay in Indonesia.")
            )
        elif key == "staff_transfer":
            if reg.staff_transfer is None or reg.staff_transfer != wanted:
                return None
            if wanted:
                why.append(_("Your own staff would move to the vendor."))
        elif key == "exit_plan":
            if reg.exit_plan != wanted:
                return None
            if wanted:
                why.append(_("You need an exit and transition plan."))
        elif key == "pricing_in":
            if reg.pricing not in wanted:
                return None
        else:
            return None  # a condition this engine does not know never holds
    if not why:
        why.append(_("It applies to every outsourcing contract."))
    return why


def applicable(
    rules: tuple[Rule, ...] | list[Rule], answers: Answers, location: str | None
) -> tuple[Applied, ...]:
    """The rules that apply, must-haves first, then clauses, actions and counsel questions,
    each in the order given."""
    order = {"must_have": 0, "clause": 1, "action": 2, "counsel": 3}
    found = []
    for item in rules:
        why = _reasons(item.conditions, answers, location)
        if why is not None:
            found.append(Applied(item, tuple(why)))
    found.sort(key=lambda a: order.get(a.rule.kind, 9))
    return tuple(found)


# How the rules that apply read in the roadmap: per stage, one line for the must-haves, one
# for the clauses and one for the questions for counsel, each rule with its source; an
# action is its own line, with its text.
ROADMAP_LINES = {
    "must_have": _("Require before you sign: %(items)s."),
    "clause": _("Write into the contract: %(items)s."),
    "counsel": _("Ask counsel about: %(items)s."),
}
ROADMAP_ITEM = _("%(title)s (%(source)s)")
# The must-haves' line, when shortlisted vendors have legal facts still to confirm.
ROADMAP_CONFIRM = _("Require before you sign: %(items)s. Still to confirm: %(vendors)s.")
FACT_WORDS = {
    "legal_entity": _("legal entity"),
    "nib": _("NIB and licence"),
    "bpjs_compliant": _("BPJS registration"),
    "data_locations": _("data locations"),
    "pse_registered": _("PSE registration"),
    "price_floor": _("a price below the wage floor"),
}


def confirm_text(found: tuple[LegalQuestions, ...]) -> Text | None:
    """The shortlisted vendors' legal facts still to confirm, in one clause."""
    if not found:
        return None
    return join(
        [
            _(
                "%(vendor)s (%(facts)s)",
                vendor=q.vendor,
                facts=join([FACT_WORDS.get(f, _(f)) for f, _q in q.questions], ", "),
            )
            for q in found
        ]
    )


ROADMAP_ACTION = _("%(title)s: %(action)s (%(source)s)")


def roadmap_lines(
    applied: tuple[Applied, ...],
    clauses: tuple[Text, ...] = (),
    confirm: Text | None = None,
) -> dict[str, list[Text]]:
    """The rules that apply as roadmap actions, by stage, in the compliance section's order;
    ``clauses``: the contract's own clauses, first in the vendor-selection clause line;
    ``confirm``: the shortlist's legal facts still to confirm, after the must-haves."""
    grouped: dict[str, dict[str, list[Text]]] = {}
    if clauses:
        grouped["vendor_selection"] = {"clause": list(clauses)}
    for a in applied:
        rule = a.rule
        by_kind = grouped.setdefault(rule.roadmap_stage, {})
        if rule.kind == "action":
            by_kind.setdefault("action", []).append(
                _(ROADMAP_ACTION.msgid, title=rule.title, action=rule.action, source=rule.source)
            )
        elif rule.kind in ROADMAP_LINES:
            by_kind.setdefault(rule.kind, []).append(
                _(ROADMAP_ITEM.msgid, title=rule.title, source=rule.source)
            )
    lines: dict[str, list[Text]] = {}
    for stage, by_kind in grouped.items():
        for kind in ("must_have", "clause", "action", "counsel"):
            items = by_kind.get(kind)
            if not items:
                continue
            if kind == "action":
                lines.setdefault(stage, []).extend(items)
            elif kind == "must_have" and stage == "vendor_selection" and confirm is not None:
                lines.setdefault(stage, []).append(
                    _(ROADMAP_CONFIRM.msgid, items=join(items), vendors=confirm)
                )
            else:
                lines.setdefault(stage, []).append(_(ROADMAP_LINES[kind].msgid, items=join(items)))
    return lines


def to_data(applied: tuple[Applied, ...], text) -> list[dict]:
    return [
        {
            "slug": a.rule.slug,
            "area": a.rule.area,
            "kind": a.rule.kind,
            "title": a.rule.title.to_data(),
            "summary": a.rule.summary.to_data(),
            "action": a.rule.action.to_data(),
            "source": a.rule.source,
            "source_url": a.rule.source_url or None,
            "reviewed_on": a.rule.reviewed_on,
            "why": [text(t) for t in a.why],
        }
        for a in applied
    ]


def legal_questions(shortlist, records: dict, answers: Answers) -> tuple[LegalQuestions, ...]:
    """The shortlisted vendors' unknown legal facts, as questions to ask before signing."""
    asked = dict(LEGAL_QUESTIONS)
    if answers.regulation is not None and answers.regulation.personal_data:
        asked |= DATA_QUESTIONS
    found = []
    for match in shortlist:
        record = records.get(match.slug)
        if record is None:
            continue
        known = set(record.legal_known)
        if record.data_locations_verified:
            known.add("data_locations")
        open_ = tuple((fact, question) for fact, question in asked.items() if fact not in known)
        below = _below_wage_floor(record)
        if below:
            open_ += (("price_floor", below),)
        if open_:
            found.append(LegalQuestions(match.slug, match.name, open_))
    return tuple(found)


def _below_wage_floor(record) -> Text | None:
    """A vendor delivering from Indonesia whose lowest price per FTE is below what one person
    costs at the lowest provincial minimum wage on file, employer contributions and THR
    included (engine/wages.py): it cannot pay its staff the minimum and keep a margin."""
    low = record.price_min_idr if record.price_min_idr is not None else record.price_max_idr
    if low is None or "ID" not in record.delivery_countries:
        return None
    floor = min(wages.WAGE_FLOORS["ID"], key=lambda f: f.monthly_idr)
    cost = wages.cost_per_person(floor, "ID")
    if low >= cost:
        return None
    return _(
        "Its lowest price, Rp %(price)s per FTE a month, is below what one person costs at the "
        "lowest %(year)s provincial minimum wage with BPJS and THR (Rp %(cost)s): how does it pay "
        "its staff, and what is not included?",
        price=thousands(low),
        year=floor.year,
        cost=thousands(cost),
    )


def questions_data(found: tuple[LegalQuestions, ...], text) -> list[dict]:
    return [
        {
            "slug": q.slug,
            "vendor": q.vendor,
            "questions": [{"fact": fact, "question": text(t)} for fact, t in q.questions],
        }
        for q in found
    ]
