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
