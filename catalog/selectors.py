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
