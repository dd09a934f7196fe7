"""What occurs in the public catalog: the values its filters offer. Worked out once per
catalog stamp (catalog/services.py) and process, so a page costs one indexed read for it."""

from __future__ import annotations

import threading

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Fact, ServiceCategory, Vendor
from .services import catalog_stamp

# What a buyer with a regulated need can ask of the catalog (issue 13): each a fact a source
# states, so a vendor whose fact is unknown, or marked stale by a curator, does not match.
LEGAL_FILTERS = {
    "entity": _("Legal entity and NIB on record"),
    "bpjs": _("States its staff are registered with BPJS"),
    "pse": _("Registered electronic system operator (PSE)"),
    "data_id": _("Keeps client data only in Indonesia (verified)"),
}
LEGAL_FACTS = {
    "entity": (Fact.LEGAL_ENTITY, Fact.NIB),
    "bpjs": (Fact.BPJS,),
    "pse": (Fact.PSE,),
    "data_id": (Fact.DATA_LOCATIONS,),
}


def legal_matches(value: str) -> Q:
    """The vendors whose record states the legal fact ``value`` (LEGAL_FILTERS)."""
    if value == "entity":
        return ~Q(legal_entity="") & ~Q(nib="")
    if value == "bpjs":
        return Q(bpjs_compliant=True)
    if value == "pse":
        return Q(pse_registered=True)
    return Q(data_locations="ID", data_locations_verified=True)


_cache: dict[bool, tuple[tuple, dict[str, frozenset[str]]]] = {}
_lock = threading.Lock()


def _slugs(relation: str, target: str, ids) -> frozenset[str]:
    through = getattr(Vendor, relation).through
    rows = through.objects.filter(vendor_id__in=ids).values_list(f"{target}__slug", flat=True)
    return frozenset(rows.distinct())


def _compute(include_synthetic: bool) -> dict[str, frozenset[str]]:
    public = Vendor.objects.public(include_synthetic=include_synthetic)
    ids = public.values("pk")
    services = _slugs("services", "service", ids)
    functions = ServiceCategory.objects.filter(services__slug__in=services)
    function_slugs = set(functions.values_list("slug", flat=True))
    # A parent function (KPO) is offered when one of its children (LPO, RPO) is.
    function_slugs |= set(functions.exclude(parent=None).values_list("parent__slug", flat=True))
    countries: set[str] = set()
    for stored in public.values_list("delivery_countries", flat=True).distinct():
        codes = stored.split(",") if isinstance(stored, str) else stored
        countries |= {str(code) for code in codes if code}
    pricing: set[str] = set()
    for stored in public.values_list("pricing_models", flat=True).distinct():
        pricing |= {code for code in (stored or "").split(",") if code}
    legal = {code for code in LEGAL_FILTERS if public.filter(legal_matches(code)).exists()}
    return {
        "services": services,
        "pricing": frozenset(pricing),
        "legal": frozenset(legal),
        "functions": frozenset(function_slugs),
        "industries": _slugs("industries", "industry", ids),
        "certifications": _slugs("certifications", "certification", ids),
        "languages": _slugs("languages", "language", ids),
        "countries": frozenset(countries),
        "coverage": frozenset(c for c in public.values_list("coverage", flat=True).distinct() if c),
    }


def facets(*, include_synthetic: bool = False) -> dict[str, frozenset[str]]:
    key = catalog_stamp()
    cached = _cache.get(include_synthetic)
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        found = _compute(include_synthetic)
        _cache[include_synthetic] = (key, found)
    return found
