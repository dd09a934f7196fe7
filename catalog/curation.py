"""The curator's work queue and the catalog's data-quality summary (reads only).

The queue puts first what would most improve recommendations: an unknown fact counts for
each saved assessment of the last 90 days that named it among its decisive unknowns (the
answer could move the vendor into or out of first place or the top 3), then for each one
that ranked the vendor in its top 5 with the fact unknown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    CertificationEvidence,
    Fact,
    FactCheck,
    Submission,
    SubmissionStatus,
    Vendor,
)

WINDOW_DAYS = 90  # assessments that count towards a fact's impact
EXPIRY_NOTICE_DAYS = 60  # certificates listed this long before they expire
REVERIFY_DAYS = 365  # a fact checked longer ago than this is marked "re-verify"
TOP = 5
# The facts the advisor scores, in the engine's names (engine/codes.py Attribute).
SCORED = (
    Fact.INDUSTRIES,
    Fact.DELIVERY_COUNTRIES,
    Fact.COVERAGE,
    Fact.CERTIFICATIONS,
    Fact.LANGUAGES,
    Fact.WORK_SYSTEMS,
    Fact.CUSTOMIZATIONS,
    Fact.SIZE_BAND,
    Fact.PRICE,
)


@dataclass(frozen=True)
class Task:
    kind: str  # submission | expiring | expired | stale | reverify | unknown
    title: str
    detail: str
    url: str
    impact: int = 0
    in_top: int = 0


def is_known(vendor: Vendor, fact: str, stale: set[str] = frozenset()) -> bool:
    """Whether the advisor counts this fact of the vendor as known (a list: verified)."""
    if fact in stale:
        return False
    if fact == Fact.PRICE:
        return vendor.price_min_idr is not None or vendor.price_max_idr is not None
    if fact in (Fact.COVERAGE, Fact.SIZE_BAND):
        return bool(getattr(vendor, fact))
    return bool(getattr(vendor, f"{fact}_verified"))


# Where the counts come from: the assessment app plugs in its reader of saved results when
# it starts (assessment/apps.py), so the catalog never imports it. Each source takes the
# number of days and returns two Counters keyed by (vendor slug, attribute): decisive, and
# unknown in a top-5 place.
IMPACT_SOURCES: list = []


def impact(days: int = WINDOW_DAYS) -> tuple[Counter, Counter]:
    """Per (vendor slug, attribute): how many recent assessments found it decisive, and how
    many ranked the vendor in their top 5 with it unknown."""
    decisive: Counter = Counter()
    in_top: Counter = Counter()
    for source in IMPACT_SOURCES:
        found, top = source(days)
        decisive += found
        in_top += top
    return decisive, in_top


def _edit(vendor_pk: int) -> str:
    return reverse("admin:catalog_vendor_change", args=[vendor_pk])


def work_queue(today=None) -> list[Task]:
    day = today or timezone.localdate()
    tasks: list[Task] = []
    for s in Submission.objects.filter(status=SubmissionStatus.PENDING).select_related("vendor"):
        tasks.append(
            Task(
                "submission",
                str(s),
                _("%(n)d facts proposed by %(email)s on %(day)s")
                % {"n": len(s.proposed), "email": s.contact_email, "day": s.created_at.date()},
                reverse("admin:catalog_submission_change", args=[s.pk]),
            )
        )
    soon = day + timedelta(days=EXPIRY_NOTICE_DAYS)
    for e in CertificationEvidence.objects.filter(
        expires_on__lte=soon, vendor__is_active=True
    ).select_related("vendor", "certification"):
        expired = e.expires_on < day
        tasks.append(
            Task(
                "expired" if expired else "expiring",
                f"{e.vendor.name} · {e.certification.name}",
                (_("expired on %(day)s") if expired else _("expires on %(day)s"))
                % {"day": e.expires_on},
                _edit(e.vendor_id),
            )
        )
    old = day - timedelta(days=REVERIFY_DAYS)
    for check in FactCheck.objects.filter(vendor__is_active=True).select_related("vendor"):
        if check.stale or check.checked_on < old:
            tasks.append(
                Task(
                    "stale" if check.stale else "reverify",
                    f"{check.vendor.name} · {check.get_fact_display()}",
                    _("checked on %(day)s (%(source)s)")
                    % {"day": check.checked_on, "source": check.source},
                    _edit(check.vendor_id),
                )
            )
    tasks.extend(unknown_tasks())
    return tasks


def unknown_tasks(limit: int = 50) -> list[Task]:
    """The unknown facts whose answer would most change recent recommendations."""
    decisive, in_top = impact()
    keys = set(decisive) | set(in_top)
    slugs = {slug for slug, _a in keys}
    vendors = {v.slug: v for v in Vendor.objects.active().filter(slug__in=slugs)}
    stale = _stale_facts([v.pk for v in vendors.values()])
    labels = dict(Fact.choices)
    rows = []
    for slug, attribute in keys:
        vendor = vendors.get(slug)
        if vendor is None or attribute not in labels:
            continue
        if is_known(vendor, attribute, stale.get(vendor.pk, set())):
            continue  # verified since those assessments were made
        rows.append(
            Task(
                "unknown",
                f"{vendor.name} · {labels[attribute]}",
                _(
                    "decisive in %(decisive)d assessments of the last %(days)d days; "
                    "unknown in %(top)d top-5 places"
                )
                % {
                    "decisive": decisive[(slug, attribute)],
                    "days": WINDOW_DAYS,
                    "top": in_top[(slug, attribute)],
                },
                _edit(vendor.pk),
                decisive[(slug, attribute)],
                in_top[(slug, attribute)],
            )
        )
    rows.sort(key=lambda t: (-t.impact, -t.in_top, t.title))
    return rows[:limit]


def _stale_facts(vendor_ids) -> dict[int, set[str]]:
    stale: dict[int, set[str]] = {}
    for vendor_id, fact in FactCheck.objects.filter(
        vendor_id__in=vendor_ids, stale=True
    ).values_list("vendor_id", "fact"):
        stale.setdefault(vendor_id, set()).add(fact)
    return stale


@dataclass(frozen=True)
class Quality:
    vendors: int
    known_share: list[tuple[str, int]]  # (fact label, percent of active vendors)
    nothing_verified: list[Vendor]


def data_quality() -> Quality:
    vendors = list(Vendor.objects.public())
    stale = _stale_facts([v.pk for v in vendors])
    total = len(vendors) or 1
    labels = dict(Fact.choices)
    shares = []
    for fact in SCORED:
        known = sum(is_known(v, fact, stale.get(v.pk, set())) for v in vendors)
        shares.append((labels[fact], round(100 * known / total)))
    nothing = [
        v for v in vendors if not any(is_known(v, f, stale.get(v.pk, set())) for f in SCORED)
    ]
    return Quality(len(vendors), shares, nothing)
