"""Public catalog pages: the filterable vendor list and a vendor's page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from bpo_advisor import pagecache

from . import selectors
from .presenters import vendor_facts
from .services import catalog_stamp

PAGE_SIZE = 20


@require_GET
def vendor_list(request: HttpRequest) -> HttpResponse:
    include_synthetic = request.GET.get("synthetic") == "1"

    def context() -> dict:
        vendor_filter, queryset = selectors.vendor_list(
            request.GET, include_synthetic=include_synthetic
        )
        page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return {
            "filter": vendor_filter,
            "page": page,
            "query_string": query.urlencode(),
            "include_synthetic": include_synthetic,
            "active_filters": sum(
                1 for key, value in query.items() if value and key not in ("sort", "synthetic")
            ),
        }

    # The same query on the same catalog shows the same vendors to everyone.
    body = pagecache.rendered(
        request,
        ("catalog", get_language(), catalog_stamp(), sorted(request.GET.lists())),
        "catalog/partials/vendor_list_body.html",
        context,
    )
    return render(request, "catalog/vendor_list.html", {"body": body})


@require_GET
def vendor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    vendor = selectors.vendor_get(slug)
    if vendor is None:
        raise Http404
    return render(
        request, "catalog/vendor_detail.html", {"vendor": vendor, "facts": vendor_facts(vendor)}
    )
