"""The catalog as data: vendors (the public catalog's filters, paginated, with validators
from the catalog version) and the taxonomy with its labels in both languages.

Read-only and public, like the catalog pages: no cookies, no session.
"""

from __future__ import annotations

import hashlib
from email.utils import format_datetime
from typing import Any

from django.core.paginator import EmptyPage, Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from django_countries import countries

from . import selectors
from .models import (
    Certification,
    Coverage,
    Dimension,
    Industry,
    Language,
    Service,
    ServiceCategory,
    SizeBand,
    Vendor,
)
from .services import catalog_stamp

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def _validators(request: HttpRequest, variant: str):
    """ETag and Last-Modified from the catalog stamp (its version and time of change): any
    catalog write changes them. The host is part of the tag (the data carries links)."""
    version, changed_at = catalog_stamp()
    # The day too: a certificate stops counting the day after it expires, with no write.
    raw = f"{version}:{changed_at}:{timezone.localdate()}:{request.get_host()}:{variant}"
    etag = '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'
    last_modified = format_datetime(changed_at or timezone.now(), usegmt=True)
    wanted = request.headers.get("If-None-Match", "")
    not_modified = wanted.strip() == "*" or etag in [t.strip() for t in wanted.split(",")]
    return etag, last_modified, not_modified


def _with_validators(request: HttpRequest, variant: str, build) -> HttpResponse:
    """The response, or a 304 when the client's copy is this catalog version's."""
    etag, last_modified, not_modified = _validators(request, variant)
    response = HttpResponse(status=304) if not_modified else build()
    if response.status_code in (200, 304):
        response["ETag"] = etag
        response["Last-Modified"] = last_modified
        response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


def _names(item) -> dict[str, str]:
    return {"id": item.name_id, "en": item.name_en}


def vendor_data(vendor: Vendor, request: HttpRequest) -> dict[str, Any]:
    """Every public attribute. What the catalog does not know is null (a fact) or an empty
    list with its ``*_verified`` flag false (a list that may be incomplete). As the advisor
    counts them: a certification whose certificates have all expired is left out (and the
    list unverified); a fact a curator marked stale reads as unknown."""
    day = timezone.localdate()
    evidence = list(vendor.evidence.all())
    current = {e.certification_id for e in evidence if e.current_on(day)}
    expired = {e.certification_id for e in evidence} - current
    stale = {c.fact for c in vendor.fact_checks.all() if c.stale}
    data = {
        "slug": vendor.slug,
        "name": vendor.name,
        "url": request.build_absolute_uri(reverse("catalog-api:vendor", args=[vendor.slug])),
        "page_url": request.build_absolute_uri(vendor.get_absolute_url()),
        "short_description": vendor.short_description or None,
        "long_description": vendor.long_description or None,
        "website": vendor.website or None,
        "headquarters_country": vendor.headquarters_country.code or None,
        "delivery_countries": [c.code for c in vendor.delivery_countries],
        "delivery_countries_verified": vendor.delivery_countries_verified,
        "services": [s.slug for s in vendor.services.all()],
        "industries": [i.slug for i in vendor.industries.all()],
        "industries_verified": vendor.industries_verified,
        "certifications": [c.slug for c in vendor.certifications.all()],
        "certifications_verified": vendor.certifications_verified,
        "languages": [x.slug for x in vendor.languages.all()],
        "languages_verified": vendor.languages_verified,
        "work_systems": [w.slug for w in vendor.work_systems.all()],
        "work_systems_verified": vendor.work_systems_verified,
        "customizations": [c.slug for c in vendor.customizations.all()],
        "customizations_verified": vendor.customizations_verified,
        "coverage": vendor.coverage or None,
        "size_band": vendor.size_band or None,
        "founded_year": vendor.founded_year,
        "price_min_idr": vendor.price_min_idr,
        "price_max_idr": vendor.price_max_idr,
        "min_contract_months": vendor.min_contract_months,
        "legal_entity": vendor.legal_entity or None,
        "nib": vendor.nib or None,
        "kbli_codes": [c for c in vendor.kbli_codes.split(",") if c],
        "pse_registered": vendor.pse_registered,
        "data_locations": [c.code for c in vendor.data_locations],
        "data_locations_verified": vendor.data_locations_verified,
        "bpjs_compliant": vendor.bpjs_compliant,
        "pricing_models": [c for c in vendor.pricing_models.split(",") if c],
        "synthetic": vendor.is_synthetic,
        "evidence": {
            "last_verified_at": vendor.last_verified_at.isoformat()
            if vendor.last_verified_at
            else None,
            "source": vendor.verification_source or None,
        },
        "updated_at": vendor.updated_at.isoformat(),
        "certificates": [
            {
                "certification": e.certification.slug,
                "number": e.number or None,
                "issuer": e.issuer or None,
                "issued_on": e.issued_on.isoformat() if e.issued_on else None,
                "expires_on": e.expires_on.isoformat() if e.expires_on else None,
                "current": e.current_on(day),
            }
            for e in evidence
        ],
        "fact_checks": [
            {
                "fact": c.fact,
                "source": c.source,
                "checked_on": c.checked_on.isoformat(),
                "stale": c.stale,
            }
            for c in vendor.fact_checks.all()
        ],
    }
    if expired:
        data["certifications"] = [
            c.slug for c in vendor.certifications.all() if c.pk not in expired
        ]
        data["certifications_verified"] = False
    for fact in stale:
        if f"{fact}_verified" in data and fact != "services":
            data[fact], data[f"{fact}_verified"] = [], False
        elif fact == "price":
            data["price_min_idr"] = data["price_max_idr"] = None
        elif fact in data and fact != "services":
            data[fact] = None
    return data


def _page_size(raw: str | None) -> int | None:
    if raw in (None, ""):
        return PAGE_SIZE
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        return None
    return int(raw)


@csrf_exempt  # read-only: any other method is a 405 in JSON, not a CSRF 403
@require_GET
def vendor_list(request: HttpRequest) -> HttpResponse:
    include_synthetic = request.GET.get("synthetic") == "1"
    size = _page_size(request.GET.get("page_size"))
    if size is None:
        message = _("A whole number from 1 to %(n)s.") % {"n": MAX_PAGE_SIZE}
        return JsonResponse({"errors": {"page_size": [message]}}, status=400)
    filters = request.GET.copy()
    for key in ("page", "page_size", "synthetic"):
        filters.pop(key, None)
    vendor_filter, queryset = selectors.vendor_list(filters, include_synthetic=include_synthetic)
    if vendor_filter.is_bound and not vendor_filter.is_valid():
        errors = {key: [str(m) for m in msgs] for key, msgs in vendor_filter.errors.items()}
        return JsonResponse({"errors": errors}, status=400)

    def build() -> HttpResponse:
        paginator = Paginator(queryset.with_relations(), size)
        raw_page = request.GET.get("page") or "1"
        if not raw_page.isdigit() or int(raw_page) < 1:
            return JsonResponse({"errors": {"page": [_("A whole number from 1.")]}}, status=400)
        try:
            page = paginator.page(int(raw_page))
        except EmptyPage:
            return JsonResponse(
                {
                    "errors": {
                        "page": [_("There are only %(n)s pages.") % {"n": paginator.num_pages}]
                    }
                },
                status=404,
            )

        def link(number: int | None) -> str | None:
            if number is None:
                return None
            query = request.GET.copy()
            query["page"] = str(number)
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        return JsonResponse(
            {
                "count": paginator.count,
                "page": page.number,
                "pages": paginator.num_pages,
                "next": link(page.next_page_number() if page.has_next() else None),
                "previous": link(page.previous_page_number() if page.has_previous() else None),
                "results": [vendor_data(v, request) for v in page],
            }
        )

    return _with_validators(request, "vendors?" + request.GET.urlencode(), build)


@csrf_exempt
@require_GET
def vendor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    vendor = selectors.vendor_get(slug)
    include_synthetic = request.GET.get("synthetic") == "1"
    if vendor is None or (vendor.is_synthetic and not include_synthetic):
        return JsonResponse({"errors": {"slug": [_("No vendor has this slug.")]}}, status=404)
    return _with_validators(
        request, f"vendor:{slug}", lambda: JsonResponse(vendor_data(vendor, request))
    )


def taxonomy_data() -> dict[str, Any]:
    """Every code a client needs to build the questionnaire or read a vendor, with its
    names in Indonesian and English."""
    functions = ServiceCategory.objects.filter(dimension=Dimension.FUNCTION).select_related(
        "parent"
    )
    categories = ServiceCategory.objects.exclude(dimension=Dimension.FUNCTION)
    names = {}  # language -> (countries, coverage labels, size labels)
    for language in ("en", "id"):
        with translation.override(language):
            names[language] = (
                {code: str(name) for code, name in countries},
                {value: str(label) for value, label in Coverage.choices},
                {value: str(label) for value, label in SizeBand.choices},
            )

    def both(index: int, key: str) -> dict[str, str]:
        return {language: names[language][index][key] for language in ("id", "en")}

    return {
        "functions": [
            {
                "slug": f.slug,
                "names": _names(f),
                "family": f.family or (f.parent.family if f.parent else None) or None,
                "parent": f.parent.slug if f.parent else None,
            }
            for f in functions.order_by("position", "pk")
        ],
        "services": [
            {"slug": s.slug, "names": _names(s), "function": s.function.slug}
            for s in Service.objects.select_related("function").order_by("slug")
        ],
        "work_systems": [
            {"slug": c.slug, "names": _names(c)}
            for c in categories.filter(dimension=Dimension.WORK_SYSTEM).order_by("slug")
        ],
        "customizations": [
            {"slug": c.slug, "names": _names(c)}
            for c in categories.filter(dimension=Dimension.CUSTOMIZATION).order_by("slug")
        ],
        "industries": [{"slug": i.slug, "names": _names(i)} for i in Industry.objects.all()],
        "certifications": [
            {"slug": c.slug, "names": _names(c)} for c in Certification.objects.all()
        ],
        "languages": [{"slug": x.slug, "names": _names(x)} for x in Language.objects.all()],
        "countries": [{"code": code, "names": both(0, code)} for code in sorted(names["en"][0])],
        "coverage": [{"slug": value, "names": both(1, value)} for value in Coverage.values],
        "size_bands": [{"slug": value, "names": both(2, value)} for value in SizeBand.values],
    }


@csrf_exempt
@require_GET
def taxonomy(request: HttpRequest) -> HttpResponse:
    return _with_validators(request, "taxonomy", lambda: JsonResponse(taxonomy_data()))
