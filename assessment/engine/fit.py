"""How well today's catalog can serve the recommendation, and the notices a buyer must see.

``confidence`` (decide.py) says how sure the model decision is; ``fit_confidence`` says how
much of it the catalog can carry out: how many vendors are eligible, how much of the request
the shortlist offers, and how much of what scores them the catalog actually knows. Notices
are sentences the buyer must not miss, each with a code: a catalog gap stated as such, and
sanity checks that warn without refusing.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import weights as W
from .answers import Answers
from .codes import Notice as NoticeCode
from .rank import Ranking, Screen
from .text import Text, _


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
    answers: Answers, screened: Screen, ranking: Ranking, approach: str
) -> tuple[Notice, ...]:
    found: list[Notice] = []
    c, scale = answers.constraints, answers.scale
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
    if ranking.vendors and len(answers.services) >= 2 and screened.best_coverage < 1:
        found.append(
            Notice(
                NoticeCode.CATALOG_COVERAGE_GAP,
                _(
                    "No vendor in today's catalog offers all %(n)s requested services (the best "
                    "offers %(share)s%%). That is a gap in the catalog, not a reason to split the "
                    "work: ask the shortlisted vendors whether they also do the rest.",
                    n=len(answers.services),
                    share=round(screened.best_coverage * 100),
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
    if c.monthly_budget_idr is not None:
        per_fte = c.monthly_budget_idr // scale.fte
        if per_fte < W.IMPLAUSIBLE_BUDGET_PER_FTE_IDR:
            found.append(
                Notice(
                    NoticeCode.BUDGET_IMPLAUSIBLE,
                    _(
                        "The budget works out at Rp %(per_fte)s per full-time person a month, too "
                        "little to pay anyone full time: check the amount (it is for all the "
                        "outsourced work, per month).",
                        per_fte=f"{per_fte:,}".replace(",", "\u00a0"),  # readable in both languages
                    ),
                )
            )
    cost_led = answers.priorities["cost"] >= W.HIGH_PRIORITY
    shortlist = ranking.vendors[: W.SHORTLIST]
    if (
        cost_led
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
