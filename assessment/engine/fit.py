"""How well today's catalog can serve the recommendation, and the notices a buyer must see.

``confidence`` (decide.py) says how sure the model decision is; ``fit_confidence`` says how
much of it the catalog can carry out: how many vendors are eligible, how much of the request
the shortlist offers, and how much of what scores them the catalog actually knows. Notices
are sentences the buyer must not miss, each with a code: a catalog gap stated as such, and
sanity checks that warn without refusing.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import places
from . import weights as W
from .answers import Answers, Taxonomy
from .codes import Notice as NoticeCode
from .codes import Sourcing, Strength
from .decide import Recommendation
from .location import LOCATION_LABELS
from .rank import Ranking, Screen
from .text import Text, _, names_list, thousands
from .wages import BudgetCheck


@dataclass(frozen=True)
class Notice:
    code: str
    message: Text


@dataclass(frozen=True)
class Fit:
    confidence: float
    rationale: tuple[Text, ...]


def fit(ranking: Ranking) -> Fit:
    shortlist = ranking.vendors[: W.SHORTLIST]
    if not shortlist:
        return Fit(
            0.0,
            (
                _(
                    "No vendor in the catalog is eligible, so the catalog cannot carry out this advice yet."
                ),
            ),
        )
    depth = min(1.0, ranking.eligible_total / W.FIT_FULL_DEPTH)
    services = sum(v.criteria.get("services", 0.0) for v in shortlist) / len(shortlist)
    known = sum(1 - min(len(v.unknown), len(v.criteria)) / len(v.criteria) for v in shortlist)
    known /= len(shortlist)
    blend = W.FIT_BLEND
    value = depth * (blend["services"] * services + blend["known"] * known)
    rationale = (
        _(
            "%(n)s vendor(s) in the catalog can do at least part of the work; a real choice "
            "needs at least %(needed)s.",
            n=ranking.eligible_total,
            needed=W.FIT_FULL_DEPTH,
        ),
        _(
            "The shortlisted vendors offer %(share)s%% of the requested services on average.",
            share=round(services * 100),
        ),
        _(
            "The catalog knows %(share)s%% of the facts that score the shortlisted vendors; "
            "the rest are due-diligence questions.",
            share=round(known * 100),
        ),
    )
    return Fit(round(value, 2), rationale)


def notices(
    answers: Answers,
    screened: Screen,
    ranking: Ranking,
    rec: Recommendation,
    taxonomy: Taxonomy,
    budget: BudgetCheck | None,
) -> tuple[Notice, ...]:
    found: list[Notice] = []
    c, scale = answers.constraints, answers.scale
    approach = rec.approach
    found += _departures(answers, rec, taxonomy)
    if not ranking.vendors and approach == "outsource":
        found.append(
            Notice(
                NoticeCode.NO_ELIGIBLE_VENDOR,
                _(
                    "No vendor in the catalog fits these needs. The advice on the model still "
                    "holds: look for specialists beyond the catalog."
                ),
            )
        )
    if rec.catalog_location and rec.catalog_location != rec.location and ranking.vendors:
        found.append(
            Notice(
                NoticeCode.LOCATION_NOT_IN_CATALOG,
                _(
                    "The best location for you is %(best)s, but no catalog vendor delivers from "
                    "there. The vendors listed are %(actual)s for you, and the risks below are "
                    "worked out for them; look beyond the catalog if %(best)s matters more.",
                    best=LOCATION_LABELS[rec.location],
                    actual=LOCATION_LABELS[rec.catalog_location],
                ),
            )
        )
    in_house = approach == "keep_in_house"  # vendors there are for the supporting work only
    if (
        ranking.vendors
        and not in_house
        and len(answers.services) >= 2
        and screened.best_coverage < 1
    ):
        requested = len(answers.services)
        if c.vendor_strategy == "single" and rec.sourcing == Sourcing.SINGLE_VENDOR:
            found.append(
                Notice(
                    NoticeCode.SINGLE_VENDOR_COVERAGE,
                    _(
                        "You want one vendor, but the best in the catalog offers %(n)s of the "
                        "%(total)s services you need. Ask the shortlisted vendors whether they "
                        "also do the rest, or accept a second vendor for it.",
                        n=round(screened.best_coverage * requested),
                        total=requested,
                    ),
                )
            )
        elif rec.sourcing != Sourcing.MULTI_SOURCING:
            found.append(
                Notice(
                    NoticeCode.CATALOG_COVERAGE_GAP,
                    _(
                        "No vendor in today's catalog offers all %(n)s requested services (the "
                        "best offers %(share)s%%). That is a gap in the catalog, not a reason to "
                        "split the work: ask the shortlisted vendors whether they also do the rest.",
                        n=requested,
                        share=round(screened.best_coverage * 100),
                    ),
                )
            )
    if rec.sourcing == Sourcing.MULTI_SOURCING and ranking.eligible_total < W.MULTI_MIN_VENDORS:
        found.append(
            Notice(
                NoticeCode.FEW_VENDORS_FOR_MULTI,
                _(
                    "Several vendors are advised, but only %(n)s catalog vendor(s) are eligible: "
                    "find the others beyond the catalog before you plan the split.",
                    n=ranking.eligible_total,
                ),
            )
        )
    shortlist = ranking.vendors[: W.SHORTLIST]
    if shortlist and not in_house and all(v.strength == Strength.WEAK for v in shortlist):
        found.append(
            Notice(
                NoticeCode.WEAK_MATCHES_ONLY,
                _(
                    "Every vendor listed is a weak match: it offers only part of the work, or "
                    "matches the service label with no known experience in your industry. Treat "
                    "the list as leads to check, not as a shortlist."
                ),
            )
        )
    uncovered = _uncovered_languages(answers, screened)
    if uncovered and approach != "keep_in_house":
        found.append(
            Notice(
                NoticeCode.LANGUAGES_NOT_COVERED,
                _(
                    "No eligible vendor is known to work in %(languages)s, and it is not spoken "
                    "where they deliver from: ask each vendor for staff in it, or look beyond "
                    "the catalog.",
                    languages=names_list([taxonomy.name("language", x) for x in uncovered]),
                ),
            )
        )
    plausible = W.PLAUSIBLE_FTE_BY_SIZE.get(answers.organisation.size)
    if plausible is not None and scale.fte > plausible:
        found.append(
            Notice(
                NoticeCode.STAFF_BEYOND_SIZE,
                _(
                    "%(fte)s full-time staff is a very large team for an organisation of your "
                    "size: check the number (it is the staff the outsourced work needs).",
                    fte=scale.fte,
                ),
            )
        )
    if c.start_within_weeks is not None and c.start_within_weeks < W.MIN_TRANSITION_WEEKS:
        found.append(
            Notice(
                NoticeCode.START_TOO_SOON,
                _(
                    "A start within %(weeks)s week(s) leaves no time for vendor selection and a "
                    "careful transition of data and procedures; plan for more time.",
                    weeks=c.start_within_weeks,
                ),
            )
        )
    if budget is not None and budget.below_highest:
        found.append(
            Notice(
                NoticeCode.BUDGET_BELOW_WAGE_FLOOR,
                _(
                    "This budget covers about %(high)s of the %(fte)s staff at the Jakarta minimum "
                    "wage (Rp %(jakarta)s a month in %(year)s, with employer contributions and "
                    "holiday allowance), and %(low)s at the lowest provincial minimum wage, before "
                    "any vendor fee. Check the budget or the number of staff.",
                    high=budget.staff_at_highest,
                    fte=scale.fte,
                    jakarta=thousands(budget.highest.monthly_idr),
                    year=budget.highest.year,
                    low=budget.staff_at_lowest,
                ),
            )
        )
    elif c.monthly_budget_idr is not None:
        per_fte = c.monthly_budget_idr // scale.fte
        if per_fte < W.IMPLAUSIBLE_BUDGET_PER_FTE_IDR:
            found.append(
                Notice(
                    NoticeCode.BUDGET_IMPLAUSIBLE,
                    _(
                        "The budget works out at Rp %(per_fte)s per full-time person a month, too "
                        "little to pay anyone full time: check the amount (it is for all the "
                        "outsourced work, per month).",
                        per_fte=thousands(per_fte),
                    ),
                )
            )
    cost_led = answers.priorities["cost"] >= W.HIGH_PRIORITY
    if (
        cost_led
        and not in_house
        and shortlist
        and all("price" in v.unknown or "price" not in v.criteria for v in shortlist)
    ):
        found.append(
            Notice(
                NoticeCode.PRICES_UNKNOWN,
                _(
                    "Cost matters a lot to you, but the catalog knows no price for the "
                    "shortlisted vendors, so price did not count in the ranking: ask each for a "
                    "price per full-time person before you compare them."
                ),
            )
        )
    return tuple(found)


def _uncovered_languages(answers: Answers, screened: Screen) -> list[str]:
    """Required languages no eligible vendor is known to work in and that are not spoken in
    any country they deliver from (English aside: the working language of the trade)."""
    if not screened.eligible_total:
        return []
    known = screened.languages
    spoken = frozenset().union(
        *(places.COUNTRY_LANGUAGES.get(x, frozenset()) for x in screened.countries)
    )
    return [
        code
        for code in answers.constraints.languages
        if code != places.LINGUA_FRANCA and code not in known and code not in spoken
    ]


def _departures(answers: Answers, rec: Recommendation, taxonomy: Taxonomy) -> list[Notice]:
    """Where the advice departs from what the answers asked: what was asked, what is
    advised, and why (questionnaire.md, "Work system")."""
    c = answers.constraints
    out: list[Notice] = []
    if c.ownership == "outsource" and rec.approach == "keep_in_house":
        out.append(
            Notice(
                NoticeCode.OWNERSHIP_DEPARTED,
                _(
                    "You asked to outsource this work; the advice is to keep it in house, because "
                    "you said it is core to your business. Only the supporting work around it is "
                    "worth outsourcing."
                ),
            )
        )
    if c.vendor_strategy == "multi" and rec.sourcing == Sourcing.SINGLE_VENDOR:
        out.append(
            Notice(
                NoticeCode.VENDOR_STRATEGY_DEPARTED,
                _(
                    "You asked for several vendors; one vendor is advised, because %(fte)s "
                    "full-time staff is too small a team to split.",
                    fte=answers.scale.fte,
                ),
            )
        )
    detail = rec.location_detail
    if detail is not None and detail.departed:
        out.append(
            Notice(
                NoticeCode.LOCATION_DEPARTED,
                _(
                    "You asked for %(asked)s; %(advised)s is advised, because the work is done in "
                    "%(language)s, which is spoken in %(countries)s, not in your country.",
                    asked=LOCATION_LABELS[c.location],
                    advised=LOCATION_LABELS[rec.location],
                    language=names_list(
                        [taxonomy.name("language", x) for x in detail.languages_abroad[:1]]
                    ),
                    countries=names_list(
                        [taxonomy.name("country", x) for x in detail.language_countries]
                    ),
                ),
            )
        )
    return out
