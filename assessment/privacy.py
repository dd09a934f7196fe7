"""Responses that carry a result, or are reached by its token, stay private: never kept by a
shared cache, never indexed by a crawler that saw a link."""

from __future__ import annotations

from functools import wraps

from django.utils.cache import patch_cache_control


def private(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True, max_age=0)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper
