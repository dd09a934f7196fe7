"""Reads of saved assessments: views, the API and the PDF look them up here."""

from __future__ import annotations

from django.db.models import Subquery

from catalog.models import CatalogState

from .models import Assessment


def assessment_get(token: str, *, light: bool = False) -> Assessment | None:
    """The assessment this token opens, or None. Tokens are the only way in. ``light``
    leaves the answers and the result (the large JSON) to be read on first use, and reads
    the catalog's stamp in the same query (``catalog_stamp``: what a kept page depends on)."""
    if not token or len(token) > 64:
        return None
    found = Assessment.objects.filter(token=token)
    if light:
        state = CatalogState.objects.filter(pk=1)
        found = found.defer("answers", "result").annotate(
            catalog_version=Subquery(state.values("version")[:1]),
            catalog_changed_at=Subquery(state.values("changed_at")[:1]),
        )
    assessment = found.first()
    if assessment is not None and light:
        assessment.catalog_stamp = (
            (assessment.catalog_version, assessment.catalog_changed_at)
            if assessment.catalog_version is not None
            else (0, None)
        )
    return assessment


def recent_unknowns(days: int, top: int = 5):
    """For the curator's work queue (catalog/curation.py): per (vendor slug, attribute), how
    many assessments of the last ``days`` days named it among their decisive unknowns, and
    how many ranked the vendor in their top ``top`` with it unknown. Reads only those parts
    of each stored result."""
    from collections import Counter
    from datetime import timedelta

    from django.utils import timezone

    since = timezone.now() - timedelta(days=days)
    columns = ["result__robustness__decisive_unknowns"] + [
        f"result__vendors__{i}" for i in range(top)
    ]
    decisive: Counter = Counter()
    in_top: Counter = Counter()
    for row in Assessment.objects.filter(created_at__gte=since).values_list(*columns):
        found = row[0] if isinstance(row[0], list) else []
        decisive += Counter(
            {(d.get("slug"), d.get("attribute")) for d in found if isinstance(d, dict)}
        )
        for vendor in row[1:]:
            if isinstance(vendor, dict):
                in_top += Counter({(vendor.get("slug"), u) for u in vendor.get("unknown") or []})
    return decisive, in_top
