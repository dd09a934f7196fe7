"""Indonesian by default, English on request.

A visitor who opens an unprefixed page (``/``, ``/catalog/``) is sent to the language their
browser prefers when it is one we speak (an English browser lands on ``/en/``), else to
Indonesian. Once a page carries a prefix, the prefix decides, whatever the browser says.
The JSON API follows Accept-Language too: API clients ask for a language with that header.
"""

from __future__ import annotations

from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class DefaultLanguageLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        super().process_request(request)
        prefixed = translation.get_language_from_path(request.path_info)
        if prefixed:
            translation.activate(prefixed)
            request.LANGUAGE_CODE = prefixed
