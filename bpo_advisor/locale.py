"""Indonesian by default, English on request.

Django's LocaleMiddleware sends a visitor of an unprefixed page (``/catalog/``) to the
language their browser prefers. We want Indonesian unless the visitor asked for English by
choosing it (a ``/en/`` link, which the prefix then carries), so pages ignore the browser's
Accept-Language. The JSON API keeps it: API clients ask for a language with that header.
"""

from __future__ import annotations

from django.middleware.locale import LocaleMiddleware

API_PREFIX = "/api/"


class DefaultLanguageLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        if not request.path_info.startswith(API_PREFIX):
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return super().process_request(request)
