"""Rendered page bodies kept in the cache (Redis when REDIS_URL is set, shared by every
worker), keyed by everything they show, so a busy page renders once per change.

Only a page's own content is kept, never the layout around it (the layout shows the
visitor's one-time messages). Forms in a kept body carry a placeholder where their CSRF token
goes; each response gets the visitor's own token in its place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

# Not a secret: a marker replaced by the visitor's token in every response.
CSRF_PLACEHOLDER = "csrf-token-placeholder-7f3a9c"
SECONDS = 600


def cache_key(*parts: object) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"page:{digest}"


def rendered(
    request,
    parts: tuple,
    template: str,
    context: Callable[[], dict],
    *,
    keep: tuple[str, ...] = (),
    seconds: int = SECONDS,
):
    """The template rendered with ``context()``, from the cache when ``parts`` (the key:
    everything the body depends on) was rendered before. With ``keep``, returns the body and
    those context values, kept with it (the page around the body may need them)."""
    key = cache_key(template, *parts)
    found = cache.get(key)
    if found is None:
        values = context()
        html = render_to_string(template, {**values, "csrf_token": CSRF_PLACEHOLDER}, request)
        found = (html, {name: values[name] for name in keep})
        cache.set(key, found, seconds)
    html, kept = found
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    # Reviewed: the body was rendered, and escaped, by our own templates.
    body = mark_safe(html)  # noqa: S308  # nosec B308 B703
    return (body, kept) if keep else body
