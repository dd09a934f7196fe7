"""Rate limits on the public writes and costly reads, counted per client address in the
cache (Redis when REDIS_URL is set, so several hosts share the counts).

A fixed window per bucket: at most ``limit`` requests per ``window`` seconds. Over it, the
API answers 429 in JSON and the browser gets a page in its language, both with
``Retry-After``. Limits come from settings.RATE_LIMITS ("bucket": (limit, window)).
"""

from __future__ import annotations

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .clients import client_address


def _over(bucket: str, request) -> int:
    """Seconds until the window resets when over the limit, else 0 (and the hit counted)."""
    limit, window = settings.RATE_LIMITS[bucket]
    now = int(time.time())
    start = now - now % window
    key = f"rl:{bucket}:{client_address(request)}:{start}"
    if cache.add(key, 1, window + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, window + 1)
            count = 1
    return (start + window - now) or 1 if count > limit else 0


def rate_limited(bucket: str, *, methods: tuple[str, ...] = ("POST",)):
    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in methods:
                return view(request, *args, **kwargs)
            wait = _over(bucket, request)
            if not wait:
                return view(request, *args, **kwargs)
            if request.path_info.startswith("/api/"):
                response = JsonResponse(
                    {
                        "errors": {
                            "rate": [
                                _("Too many requests; try again in %(n)s seconds.") % {"n": wait}
                            ]
                        }
                    },
                    status=429,
                )
            else:
                response = render(request, "429.html", {"wait": wait}, status=429)
            response["Retry-After"] = str(wait)
            return response

        return wrapper

    return decorate
