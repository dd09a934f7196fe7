"""Reads of saved assessments: views, the API and the PDF look them up here."""

from __future__ import annotations

from .models import Assessment


def assessment_get(token: str) -> Assessment | None:
    """The assessment this token opens, or None. Tokens are the only way in."""
    if not token or len(token) > 64:
        return None
    return Assessment.objects.filter(token=token).first()
