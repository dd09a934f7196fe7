"""The PDF report (WeasyPrint): HTML and CSS templates rendered to A4.

The renderer fetches nothing from the network or the file system except the project's own
static files, read from disk: any other URL in the document (say an ``<img>`` smuggled into
a description, although descriptions are escaped anyway) is refused.
"""

from __future__ import annotations

import mimetypes
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import presentation
from .models import Assessment

# The document's own origin: never resolved on a network, only mapped to static files.
BASE_URL = "https://report.bpo-advisor.invalid/"


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves the project's static files from disk; refuses every other URL."""

    def __init__(self):
        super().__init__(allowed_protocols=())
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        prefix = BASE_URL + settings.STATIC_URL.lstrip("/")
        if url.startswith(prefix):
            relative = url[len(prefix) :].split("?")[0].split("#")[0]
            path = _static_path(relative)
            if path is not None:
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    url, body=path.read_bytes(), headers={"Content-Type": mime}
                )
        self.refused.append(url)
        raise ValueError(f"refused by the report's URL fetcher: {url[:200]}")


def _static_path(relative: str) -> Path | None:
    if ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    if found:
        return Path(found)
    candidate = Path(settings.STATIC_ROOT) / relative
    return candidate if candidate.is_file() else None


@lru_cache(maxsize=1)
def _font_config() -> FontConfiguration:
    # Building a font configuration scans the system fonts: do it once per process.
    return FontConfiguration()


def report_filename(assessment: Assessment) -> str:
    organisation = slugify(assessment.organisation_name)[:60] or "assessment"
    day = timezone.localtime(assessment.created_at).date().isoformat()
    return f"bpo-advisor-{organisation}-{day}.pdf"


def render_html(assessment: Assessment, language: str) -> str:
    with translation.override(language):
        context = presentation.result_context(assessment, language)
        now = timezone.localtime()
        context["generated_at"] = now
        context["generated_label"] = f"{date_format(now, 'DATETIME_FORMAT')} {now.tzname()}"
        context["language"] = language
        return render_to_string("assessment/report.html", context)


def render_pdf(
    assessment: Assessment, language: str, fetcher: StaticFilesOnlyFetcher | None = None
) -> bytes:
    html = without_emoji(render_html(assessment, language))
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher or StaticFilesOnlyFetcher())
    # Tagged: a screen reader gets the headings, tables and lists as structure.
    return document.write_pdf(font_config=_font_config(), pdf_tags=True)


# Pictographs the report's fonts cannot draw (they would print as empty boxes): left out,
# with the joiners and variation selectors that build them. These are the characters that
# Unicode draws as emoji by default (Emoji_Presentation, emoji-data.txt), in and beyond the
# Basic Multilingual Plane. The text symbols of the same blocks stay: the checklist's ballot
# box ☐, the dash and tick marks, arrows, letters of every script.
EMOJI = re.compile(
    "[\U0001f000-\U0001faff\ufe0f\u200d\u20e3"
    "\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653"
    "\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea"
    "\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e"
    "\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55]"
)


def without_emoji(text: str) -> str:
    return EMOJI.sub("", text)
