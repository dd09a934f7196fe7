"""Reads of the public catalog: the filtered vendor list and a vendor's page."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import QueryDict

from .filters import VendorFilter
from .models import Vendor


def vendor_list(
    filters: QueryDict | dict, *, include_synthetic: bool = False
) -> tuple[VendorFilter, QuerySet[Vendor]]:
    """The public vendors matching ``filters`` (the catalog's query string), and the
    filter set itself (its form shows the choices). Invalid filters match nothing."""
    base = Vendor.objects.public(include_synthetic=include_synthetic).prefetch_related(
        "services", "certifications"
    )
    vendor_filter = VendorFilter(
        filters or None, queryset=base, include_synthetic=include_synthetic
    )
    if not vendor_filter.is_bound:
        return vendor_filter, base
    if not vendor_filter.is_valid():
        return vendor_filter, base.none()
    return vendor_filter, vendor_filter.qs


def vendor_get(slug: str) -> Vendor | None:
    """An active vendor with every relation its page shows."""
    return Vendor.objects.active().with_relations().filter(slug=slug).first()


def facts_in_doubt(vendor_ids, day) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """What the advisor must not count as known on ``day``: per vendor, the certifications
    whose every certificate has expired, and the facts a curator marked stale. Two queries."""
    from .models import CertificationEvidence, FactCheck

    current: dict[int, set[str]] = {}
    expired: dict[int, set[str]] = {}
    rows = CertificationEvidence.objects.filter(vendor_id__in=vendor_ids).values_list(
        "vendor_id", "certification__slug", "expires_on"
    )
    for vendor_id, slug, expires_on in rows:
        bucket = current if expires_on is None or expires_on >= day else expired
        bucket.setdefault(vendor_id, set()).add(slug)
    for vendor_id in list(expired):
        expired[vendor_id] -= current.get(vendor_id, set())
        if not expired[vendor_id]:
            del expired[vendor_id]
    stale: dict[int, set[str]] = {}
    for vendor_id, fact in FactCheck.objects.filter(
        vendor_id__in=vendor_ids, stale=True
    ).values_list("vendor_id", "fact"):
        stale.setdefault(vendor_id, set()).add(fact)
    return expired, stale
