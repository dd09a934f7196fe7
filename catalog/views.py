"""Public catalog pages: the filterable vendor list and a vendor's page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .filters import VendorFilter
from .models import Vendor
from .presenters import vendor_facts

PAGE_SIZE = 20


@require_GET
def vendor_list(request: HttpRequest) -> HttpResponse:
    include_synthetic = request.GET.get("synthetic") == "1"
    base = Vendor.objects.public(include_synthetic=include_synthetic).prefetch_related(
        "services", "certifications"
    )
    vendor_filter = VendorFilter(request.GET or None, queryset=base)
    queryset = vendor_filter.qs if vendor_filter.is_bound else base
    if vendor_filter.is_bound and not vendor_filter.is_valid():
        queryset = base.none()
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "catalog/vendor_list.html",
        {
            "filter": vendor_filter,
            "page": page,
            "query_string": query.urlencode(),
            "include_synthetic": include_synthetic,
        },
    )


@require_GET
def vendor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    vendor = get_object_or_404(Vendor.objects.active().with_relations(), slug=slug)
    return render(
        request, "catalog/vendor_detail.html", {"vendor": vendor, "facts": vendor_facts(vendor)}
    )
