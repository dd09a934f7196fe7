"""PDF reports kept once made: rendered once per assessment, language, engine version and
shortlist, then served from Django's storage (the file system by default; a shared bucket
can replace it through STORAGES without a change here).

File names carry a digest of the token, never the token: a listing of the storage opens no
result. A report's "made on" line is the time of its first rendering.
"""

from __future__ import annotations

import hashlib
import json

from django.core.files.base import ContentFile
from django.core.files.storage import storages

from . import pdf
from .engine import ENGINE_VERSION
from .models import Assessment

FOLDER = "reports"


def _storage():
    return storages["default"]


def _folder(assessment: Assessment) -> str:
    return f"{FOLDER}/{hashlib.sha256(assessment.token.encode()).hexdigest()[:32]}"


def report_name(assessment: Assessment, language: str) -> str:
    """Where this assessment's report in this language is kept: a new name whenever the
    engine version or the shortlist (which the report shows) changes."""
    shortlist = hashlib.sha256(json.dumps(assessment.shortlist or []).encode()).hexdigest()[:12]
    return f"{_folder(assessment)}/{language}-{ENGINE_VERSION}-{shortlist}.pdf"


def report_open(assessment: Assessment, language: str):
    """The stored report as an open file, rendered and stored first when there is none.
    Returns (file, rendered_now)."""
    storage = _storage()
    name = report_name(assessment, language)
    if storage.exists(name):
        return storage.open(name, "rb"), False
    for old in _stored(assessment):  # an older engine's or shortlist's copy: replaced
        if old.startswith(f"{language}-"):
            storage.delete(f"{_folder(assessment)}/{old}")
    saved = storage.save(name, ContentFile(pdf.render_pdf(assessment, language)))
    if saved != name:  # another request stored it meanwhile: keep one copy
        storage.delete(saved)
    return storage.open(name, "rb"), True


def _stored(assessment: Assessment) -> list[str]:
    try:
        return _storage().listdir(_folder(assessment))[1]
    except FileNotFoundError:
        return []


def reports_delete(assessment: Assessment) -> None:
    """Remove every stored report of the assessment (it is being deleted)."""
    storage = _storage()
    for name in _stored(assessment):
        storage.delete(f"{_folder(assessment)}/{name}")
