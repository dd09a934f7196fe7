"""Shared fixtures: the shipped taxonomy and starting vendors, users, and helpers."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import translation

from tests.factories import UserFactory, make_curator


@pytest.fixture
def taxonomy(db):
    call_command("loaddata", "taxonomy", verbosity=0)


@pytest.fixture
def starting_catalog(taxonomy):
    call_command("loaddata", "vendors", verbosity=0)


@pytest.fixture
def curator(db):
    return make_curator()


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def indonesian():
    with translation.override("id"):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files land in a temporary folder, never in the work tree."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_limits(settings):
    """Each test starts with empty counters and limits no test reaches by accident; the
    rate-limit tests set their own."""
    from django.core.cache import cache

    cache.clear()
    settings.RATE_LIMITS = {
        name: (10_000, window) for name, (_n, window) in settings.RATE_LIMITS.items()
    }
