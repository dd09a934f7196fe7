"""What occurs in the public catalog: the values its filters offer. Worked out once per
catalog stamp (catalog/services.py) and process, so a page costs one indexed read for it."""

from __future__ import annotations

import threading

from .models import ServiceCategory, Vendor
from .services import catalog_stamp

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
    return {
        "services": services,
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
