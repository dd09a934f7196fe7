"""Template context shared by every page: links to the current page in each language."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url


def language_links(request: HttpRequest) -> dict:
    path = request.get_full_path()
    links = [
        {"code": code, "name": name, "url": translate_url(path, code)}
        for code, name in settings.LANGUAGES
    ]
    return {"language_links": links}
