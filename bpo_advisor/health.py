"""``/health/``: is this instance able to serve? The database, the cache and the file
storage, each checked cheaply; 200 when all answer, 503 otherwise, as JSON."""

from __future__ import annotations

import time
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", 5)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not keep a value")
    cache.delete(key)


def _storage() -> None:
    name = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


CHECKS = {"database": _database, "cache": _cache, "storage": _storage}


@never_cache
@require_GET
def health(request):
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
            results[name] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
        except Exception as exc:  # a health check reports every failure, whatever it is
            healthy = False
            results[name] = {"ok": False, "error": exc.__class__.__name__}
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )
