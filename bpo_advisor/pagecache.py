"""Rendered page bodies kept in the cache (Redis when REDIS_URL is set, shared by every
worker), keyed by everything they show, so a busy page renders once per change.

A page's own content is kept (``rendered``), and, for a visitor with no one-time messages
waiting, the whole page with its layout (``whole_page``): the layout shows those messages,
and nothing else in it depends on the visitor. Forms in a kept page carry a placeholder where
their CSRF token goes; each response gets the visitor's own token in its place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.contrib.messages import get_messages
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
    with_token: bool = True,
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
    if with_token:
        html = _with_token(request, html)
    # Reviewed: the body was rendered, and escaped, by our own templates.
    body = mark_safe(html)  # noqa: S308  # nosec B308 B703
    return (body, kept) if keep else body


def _with_token(request, html: str) -> str:
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return html


def has_messages(request) -> bool:
    """Whether one-time messages wait for this visitor (counted, not consumed)."""
    return len(get_messages(request)) > 0


def whole_page(request, parts: tuple, page: Callable[[], str], *, seconds: int = SECONDS) -> bytes:
    """The whole page, layout included, as the response's bytes, from the cache when
    ``parts`` was rendered before. ``page()`` renders it with CSRF_PLACEHOLDER for the token
    (``rendered(..., with_token=False)`` gives such a body). Kept encoded: a hit costs no
    encoding of a page that can weigh 200 KB. Only for a visitor with no messages waiting:
    the caller checks ``has_messages`` first."""
    key = cache_key("whole page", *parts)
    content = cache.get(key)
    if content is None:
        content = page().encode()
        cache.set(key, content, seconds)
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder in content:
        content = content.replace(placeholder, get_token(request).encode())
    return content
