"""Where the work should be delivered from, relative to where the client is.

S2 sorts vendors by location: onshore (the client's own country) eases communication,
coordination and local compliance; offshore is cheaper where wages are lower; nearshore
balances the two. Which way each factor pushes depends on the client's country: the
language the work is done in is spoken somewhere, labour costs less somewhere (places.py),
and the catalog's vendors deliver from somewhere. Every push is kept with its points, so
the result can say which one decided and what it outweighed.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import places
from . import weights as W
from .answers import Answers, Taxonomy
from .codes import LOCATIONS, Location, Model
from .text import Name, Text, _, names_list

# A push that moves the score without a sentence of its own (its sibling says why).
SILENT = Text("")
DISTANCE = {Location.ONSHORE: 0, Location.NEARSHORE: 1, Location.OFFSHORE: 2}

# Requested services that need knowledge of the client's own country: its law, its market
# (our judgment; the sources' "India and Eastern Europe" talent-pool line does not apply).
# Statutory actuarial work follows the national regulator's rules, so it counts too.
LOCAL_KNOWLEDGE_SERVICES = frozenset(
    {
        "contract_drafting",
        "legal_research",
        "litigation_support",
        "market_research",
        "actuarial_analysis",
    }
)


@dataclass(frozen=True)
class Push:
    factor: str
    location: str
    points: float
    explanation: Text
    short: Text  # the factor in a few words, for "decided by ... outweighs ..."


@dataclass(frozen=True)
class LocationDecision:
    location: str  # the best location for this client
    agreement: float  # 0-1, how clearly it won
    pushes: tuple[Push, ...]
    notes: tuple[Push, ...]  # reasons that moved nothing (kept so the buyer sees them)
    decided_by: Push | None
    outweighed: Push | None
    required_by_language: str | None  # a location the work's language requires
    language_countries: tuple[str, ...]  # where that language is spoken
    languages_abroad: tuple[str, ...]  # required languages not spoken in the client's country
    languages_at_home: tuple[str, ...]  # required languages (not English) spoken there
    asked: str  # constraints.location
    departed: bool  # the advice departs from the stated preference
    summary: Text


def country_name(taxonomy: Taxonomy, code: str) -> Name:
    return taxonomy.name("country", code)


def split_languages(answers: Answers) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The required languages (English aside) spoken abroad only, and those spoken at home."""
    home = answers.organisation.country
    needed = [code for code in answers.constraints.languages if code != places.LINGUA_FRANCA]
    abroad = tuple(code for code in needed if home not in places.countries_speaking(code))
    return abroad, tuple(code for code in needed if code not in abroad)


def _language_requirement(
    answers: Answers, taxonomy: Taxonomy, supply: frozenset[str], pushes: list[Push]
) -> tuple[str | None, tuple[str, ...]]:
    """A language of the work that is not spoken at home decides where staff must be."""
    home = answers.organisation.country
    work = answers.work
    abroad, at_home = split_languages(answers)
    if at_home and work.customer_contact == "direct":
        pushes.append(
            Push(
                "customer_contact",
                Location.ONSHORE,
                W.DIRECT_CONTACT_ONSHORE,
                _(
                    "Your customers will talk to the vendor's staff in %(languages)s: staff in "
                    "%(country)s speak it as their own language and know the culture.",
                    languages=names_list([taxonomy.name("language", x) for x in at_home]),
                    country=country_name(taxonomy, home),
                ),
                _("your customers' language"),
            )
        )
    if not abroad or at_home:
        # Work also needed in a language of the client's own country stays where that is
        # spoken; the foreign language becomes a staffing requirement (risks, notices and
        # due-diligence questions say so), not a reason to move the work.
        return None, ()
    language = abroad[0]
    speakers = places.countries_speaking(language)
    if not speakers:
        return None, ()
    # Prefer where catalog vendors already deliver, then the nearest.
    ranked = sorted(
        speakers,
        key=lambda country: (
            country not in supply,
            DISTANCE[places.relation(home, country)],
            country,
        ),
    )
    where = places.relation(home, ranked[0])
    countries = tuple(x for x in ranked if places.relation(home, x) == where)
    pushes.append(
        Push(
            "constraints.languages",
            where,
            W.LANGUAGE_REQUIRES_LOCATION,
            _(
                "The work is done in %(language)s, which is not spoken in %(home)s: the staff "
                "must be where it is, in %(countries)s. That makes the work %(location)s for you.",
                language=taxonomy.name("language", language),
                home=country_name(taxonomy, home),
                countries=names_list([country_name(taxonomy, x) for x in countries]),
                location=LOCATION_WORDS[where],
            ),
            _("the language of the work"),
        )
    )
    return where, countries


def _cost(answers: Answers, taxonomy: Taxonomy, supply: frozenset[str], pushes, notes) -> None:
    home = answers.organisation.country
    cost = answers.priorities["cost"] - W.PRIORITY_MIDDLE
    if cost <= 0:
        return
    if home not in places.COST_TIER:
        notes.append(
            Push(
                "priorities.cost",
                Location.ONSHORE,
                0.0,
                _(
                    "Cost matters a lot to you, but we hold no labour-cost level for %(home)s, "
                    "so cost did not move the location: compare offers from each location.",
                    home=country_name(taxonomy, home),
                ),
                _("your cost priority"),
            )
        )
        return
    candidates = sorted(supply | set(places.COST_TIER))
    cheaper = {
        loc: [x for x in candidates if places.relation(home, x) == loc]
        for loc in (Location.NEARSHORE, Location.OFFSHORE)
    }
    for loc in cheaper:
        cheaper[loc] = [x for x in cheaper[loc] if places.worth_moving_for_cost(home, x)]
    # Where the catalog's vendors are cheaper first (the advice should fit the vendors that
    # exist), else the nearest cheaper location.
    target = next((loc for loc in cheaper if set(cheaper[loc]) & supply), None) or next(
        (loc for loc in cheaper if cheaper[loc]), None
    )
    if target is None:
        notes.append(
            Push(
                "priorities.cost",
                Location.ONSHORE,
                0.0,
                _(
                    "Cost matters a lot to you, and labour in %(home)s already costs about as "
                    "little as in the usual delivery countries: moving the work abroad would save "
                    "little and add the costs of distance.",
                    home=country_name(taxonomy, home),
                ),
                _("your cost priority"),
            )
        )
        return
    # Name the cheaper countries the catalog delivers from first, at most three.
    # Name where the catalog's vendors deliver from when that is among them; else a few.
    in_supply = sorted(x for x in cheaper[target] if x in supply)
    named = (in_supply or sorted(cheaper[target]))[: W.NAMED_COUNTRIES]
    points = W.OFFSHORE_FOR_COST * cost
    pushes.append(
        Push(
            "priorities.cost",
            target,
            points,
            _(
                "Cost matters a lot to you: labour costs markedly less in %(countries)s than in "
                "%(home)s (World Bank income groups), so a vendor there saves on wages.",
                countries=names_list([country_name(taxonomy, x) for x in named]),
                home=country_name(taxonomy, home),
            ),
            _("your cost priority"),
        )
    )
    if target == Location.OFFSHORE:
        return
    # A nearshore saving also makes the far option cheaper than home, a little less so.
    pushes.append(
        Push(
            "priorities.cost", Location.OFFSHORE, points * W.NEARSHORE_SHARE_OF_COST, SILENT, SILENT
        )
    )


def decide_location(
    answers: Answers, taxonomy: Taxonomy, model: str, supply: frozenset[str]
) -> LocationDecision:
    c, p = answers.constraints, answers.priorities
    home = answers.organisation.country
    pushes: list[Push] = []
    notes: list[Push] = []
    required, language_countries = _language_requirement(answers, taxonomy, supply, pushes)

    sensitivity = W.SENSITIVITY_ONSHORE[c.data_sensitivity]
    if sensitivity:
        pushes.append(
            Push(
                "data_sensitivity",
                Location.ONSHORE,
                sensitivity,
                _(
                    "The data is %(level)s: a vendor in %(home)s keeps it under your own "
                    "country's law, and no data crosses a border.",
                    level=SENSITIVITY_LABELS[c.data_sensitivity],
                    home=country_name(taxonomy, home),
                )
                if sensitivity >= W.SENSITIVITY_REASON_THRESHOLD
                else SILENT,
                _("data sensitivity"),
            )
        )
        pushes.append(
            Push(
                "data_sensitivity",
                Location.NEARSHORE,
                sensitivity * W.NEARSHORE_SHARE_OF_SENSITIVITY,
                SILENT,
                _("data sensitivity"),
            )
        )
    _cost(answers, taxonomy, supply, pushes, notes)
    communication = p["communication"] - W.PRIORITY_MIDDLE
    if communication > 0:
        push = W.ONSHORE_FOR_COMMUNICATION * communication
        pushes.append(
            Push(
                "priorities.communication",
                Location.ONSHORE,
                push,
                _(
                    "Easy communication matters to you (%(value)s of 5): the same time zone, "
                    "language and work culture point to a vendor close by.",
                    value=p["communication"],
                ),
                _("your communication priority"),
            )
        )
        pushes.append(
            Push(
                "priorities.communication",
                Location.NEARSHORE,
                push * W.NEARSHORE_SHARE_OF_COMMUNICATION,
                SILENT,
                _("your communication priority"),
            )
        )
    control = p["control"] - W.PRIORITY_MIDDLE
    if control > 0:
        pushes.append(
            Push(
                "priorities.control",
                Location.ONSHORE,
                W.ONSHORE_FOR_CONTROL * control,
                _(
                    "You want close control (%(value)s of 5): it is easier with a vendor you can "
                    "visit and coordinate with quickly.",
                    value=p["control"],
                ),
                _("your wish for control"),
            )
        )
    if not c.remote_delivery_ok:
        pushes.append(
            Push(
                "constraints.remote_delivery_ok",
                Location.ONSHORE,
                W.NO_REMOTE_ONSHORE,
                _("The vendor may not work fully remote: its staff must be within reach."),
                _("on-site reach"),
            )
        )
    _knowledge(answers, taxonomy, model, pushes, notes)

    score = dict.fromkeys(LOCATIONS, 0.0)
    for push in pushes:
        score[push.location] += push.points
    ranked = sorted(LOCATIONS, key=lambda loc: (-score[loc], DISTANCE[loc]))
    best, second = ranked[0], ranked[1]
    spread = sum(score.values()) or 1.0
    agreement = min(1.0, (score[best] - score[second]) / spread + W.LOCATION_AGREEMENT_FLOOR)
    departed = False
    if required:
        best, agreement = required, max(agreement, W.LOCATION_FIT_REQUIRED)
        departed = c.location not in ("any", required)
    elif c.location != "any":
        contested = c.location != best and score[best] > score[c.location] + (
            W.PREFERENCE_OVERRIDE_MARGIN
        )
        pushes.append(
            Push(
                "constraints.location",
                c.location,
                0.0,
                _(
                    "You prefer %(location)s, so that is the recommendation, although the other "
                    "factors lean towards %(other)s: weigh that before you decide.",
                    location=LOCATION_LABELS[c.location],
                    other=LOCATION_LABELS[best],
                )
                if contested
                else _(
                    "You prefer %(location)s, and nothing else speaks strongly against it.",
                    location=LOCATION_LABELS[c.location],
                ),
                _("your stated preference"),
            )
        )
        agreement = (
            W.LOCATION_FIT_PREFERENCE_CONTESTED
            if contested
            else max(agreement, W.LOCATION_FIT_PREFERENCE_HELD)
        )
        best = c.location
    elif not any(score.values()):
        agreement = W.LOCATION_FIT_DEFAULT
    decided_by, outweighed = _decisive(pushes, best, required, c.location)
    return LocationDecision(
        location=best,
        agreement=agreement,
        pushes=tuple(pushes),
        notes=tuple(notes),
        decided_by=decided_by,
        outweighed=outweighed,
        required_by_language=required,
        language_countries=language_countries,
        languages_abroad=split_languages(answers)[0],
        languages_at_home=split_languages(answers)[1],
        asked=c.location,
        departed=departed,
        summary=_summary(best, decided_by, outweighed, taxonomy, home),
    )


def _knowledge(answers: Answers, taxonomy: Taxonomy, model: str, pushes, notes) -> None:
    """Specialist knowledge work: the talent pool abroad (S1), unless the work is about the
    client's own law or market."""
    if model != Model.KPO or answers.work.driver != "expertise":
        return
    requested = set(answers.services)
    local = requested & LOCAL_KNOWLEDGE_SERVICES
    home = country_name(taxonomy, answers.organisation.country)
    if local and local == {s for s in requested if taxonomy.is_knowledge(s)}:
        pushes.append(
            Push(
                "driver",
                Location.ONSHORE,
                W.LOCAL_KNOWLEDGE_ONSHORE,
                _(
                    "This work needs knowledge of the law, regulation or market of %(home)s: the "
                    "specialists are at home, not in the talent pools abroad.",
                    home=home,
                ),
                _("knowledge of your own law and market"),
            )
        )
        return
    pushes.append(
        Push(
            "driver",
            Location.OFFSHORE,
            W.KPO_EXPERTISE_OFFSHORE,
            _(
                "For specialist knowledge work the best talent pool may be abroad: countries such "
                "as India and those of Eastern Europe are known for KPO."
            ),
            _("the talent pool for specialist work"),
        )
    )


def _decisive(pushes, best: str, required: str | None, asked: str):
    if required:
        decided = next(p for p in pushes if p.factor == "constraints.languages")
    elif asked != "any":
        decided = next(p for p in pushes if p.factor == "constraints.location")
    else:
        for_best = [p for p in pushes if p.location == best and p.points > 0]
        # A push with its own sentence names the decision before one without.
        decided = max(for_best, key=lambda p: (bool(p.explanation.msgid), p.points), default=None)
    against = [p for p in pushes if p.location != best and p.points > 0 and p.explanation.msgid]
    outweighed = max(against, key=lambda p: p.points, default=None)
    return decided, outweighed


def _summary(best, decided_by, outweighed, taxonomy, home) -> Text:
    where = LOCATION_LABELS[best]
    if decided_by is None:
        return _(
            "Location, %(location)s: nothing pushes the work away from %(home)s, so a vendor "
            "there is the simplest choice.",
            location=where,
            home=country_name(taxonomy, home),
        )
    if outweighed is None:
        return _(
            "Location, %(location)s: decided by %(decider)s; nothing pointed elsewhere.",
            location=where,
            decider=decided_by.short,
        )
    return _(
        "Location, %(location)s: decided by %(decider)s, which outweighs %(other)s.",
        location=where,
        decider=decided_by.short,
        other=outweighed.short,
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
LOCATION_WORDS = {
    Location.ONSHORE: _("onshore"),
    Location.NEARSHORE: _("nearshore"),
    Location.OFFSHORE: _("offshore"),
}
