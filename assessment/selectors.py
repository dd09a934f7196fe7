"""Reads of saved assessments: views, the API and the PDF look them up here."""

from __future__ import annotations

from .models import Assessment


def assessment_get(token: str, *, light: bool = False) -> Assessment | None:
    """The assessment this token opens, or None. Tokens are the only way in. ``light``
    leaves the answers and the result (the large JSON) to be read on first use."""
    if not token or len(token) > 64:
        return None
    found = Assessment.objects.filter(token=token)
    if light:
        found = found.defer("answers", "result")
    return found.first()
