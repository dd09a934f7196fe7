"""JSON API: create an assessment from answers, read one back by its token.

CSRF: these endpoints are exempt because they accept only ``application/json`` bodies and
use no cookies or session. A browser cannot send a cross-site JSON request without a CORS
preflight, which this app never grants, so there is no ambient credential to forge.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from bpo_advisor.ratelimit import rate_limited

from . import openapi, pdf, reports, selectors, services
from .models import Assessment
from .privacy import private

MAX_BODY = 64 * 1024
# A client that retries a submission with the same Idempotency-Key (and body) gets the
# first result back instead of a second assessment, for a day.
IDEMPOTENCY_SECONDS = 24 * 60 * 60
IDEMPOTENCY_KEY_MAX = 255


def _urls(request: HttpRequest, assessment: Assessment) -> dict[str, str]:
    """The result's page and its PDF, both in the response's language (as the page's own
    download button does), so a link handed on opens in the language it was asked in."""
    pdf = reverse("api:assessment-pdf", kwargs={"token": assessment.token})
    return {
        "url": request.build_absolute_uri(assessment.result_url()),
        "pdf_url": request.build_absolute_uri(f"{pdf}?lang={get_language()}"),
    }


def _error(status: int, field: str, message: str) -> JsonResponse:
    return JsonResponse({"errors": {field: [message]}}, status=status)


MAX_DEPTH = 16  # the answers nest three levels; anything far deeper is refused unparsed


def _too_deep(text: str) -> bool:
    """Whether brackets outside strings nest deeper than MAX_DEPTH (checked before parsing,
    so a hostile body cannot exhaust the parser's recursion)."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _json_body(request: HttpRequest, wrong_type: str, too_large: str):
    """The request's JSON body, or the error response that refuses it."""
    if (request.content_type or "") != "application/json":
        return _error(415, "body", wrong_type)
    if len(request.body) > MAX_BODY:
        return _error(413, "body", too_large)
    try:
        text = request.body.decode("utf-8")
    except UnicodeDecodeError:
        return _error(400, "body", _("The body is not valid UTF-8 text."))
    if _too_deep(text):
        return _error(400, "body", _("The JSON nests too deeply."))
    try:
        # ValueError covers integers longer than Python converts (over 4,300 digits).
        return json.loads(text)
    except (ValueError, RecursionError):
        return _error(400, "body", _("The body is not valid JSON."))


@csrf_exempt
@require_http_methods(["POST"])
@private
@rate_limited("submit")
def assessment_collection(request: HttpRequest) -> JsonResponse:
    data = _json_body(
        request,
        _("Send the answers as JSON (Content-Type: application/json)."),
        _("The answers are too large."),
    )
    if isinstance(data, JsonResponse):
        return data
    key = request.headers.get("Idempotency-Key", "").strip()
    if key:
        if len(key) > IDEMPOTENCY_KEY_MAX:
            return _error(400, "Idempotency-Key", _("At most 255 characters."))
        cache_key = "idem:" + hashlib.sha256(key.encode()).hexdigest()
        digest = hashlib.sha256(request.body).hexdigest()
        seen = cache.get(cache_key)
        if seen is not None:
            if seen["body"] != digest:
                return _error(
                    422,
                    "Idempotency-Key",
                    _("This key was used with other answers; use a new key for new answers."),
                )
            earlier = selectors.assessment_get(seen["token"])
            if earlier is not None:
                return _created(request, earlier, status=200)
    try:
        assessment = services.assessment_create(data=data, language=get_language())
    except services.InvalidAnswers as exc:
        return JsonResponse({"errors": exc.errors}, status=400)
    if key:
        cache.set(cache_key, {"body": digest, "token": assessment.token}, IDEMPOTENCY_SECONDS)
    return _created(request, assessment, status=201)


def _created(request: HttpRequest, assessment: Assessment, *, status: int) -> JsonResponse:
    return JsonResponse(
        {
            "token": assessment.token,
            **_urls(request, assessment),
            "result": services.result_render(assessment.result),
        },
        status=status,
    )


@csrf_exempt
@require_http_methods(["GET", "DELETE"])
@private
def assessment_detail(request: HttpRequest, token: str) -> HttpResponse:
    assessment = selectors.assessment_get(token)
    if assessment is None:
        return _error(404, "token", _("No assessment has this token."))
    if request.method == "DELETE":
        services.assessment_delete(assessment)
        return HttpResponse(status=204)
    return JsonResponse(
        {
            "token": assessment.token,
            "created_at": assessment.created_at.isoformat(),
            **_urls(request, assessment),
            "answers": assessment.answers,
            "result": services.result_render(assessment.result),
            "shortlist": assessment.shortlist,
        }
    )


@csrf_exempt
@require_http_methods(["PUT"])
@private
@rate_limited("save", methods=("PUT",))
def assessment_shortlist(request: HttpRequest, token: str) -> JsonResponse:
    """Save 2 to 4 of the ranked vendors for comparison: {"vendors": [slug, ...]}."""
    assessment = selectors.assessment_get(token)
    if assessment is None:
        return _error(404, "token", _("No assessment has this token."))
    data = _json_body(
        request,
        _("Send the shortlist as JSON (Content-Type: application/json)."),
        _("The shortlist is too large."),
    )
    if isinstance(data, JsonResponse):
        return data
    if not isinstance(data, dict) or set(data) != {"vendors"}:
        return _error(400, "vendors", _('Send an object with one key, "vendors".'))
    try:
        chosen = services.shortlist_set(assessment, data["vendors"])
    except services.InvalidAnswers as exc:
        return JsonResponse({"errors": exc.errors}, status=400)
    return JsonResponse({"token": assessment.token, "shortlist": chosen})


@csrf_exempt
@require_GET
@private
@rate_limited("pdf", methods=("GET",))
def assessment_pdf(request: HttpRequest, token: str) -> HttpResponse:
    assessment = selectors.assessment_get(token)
    if assessment is None:
        return _error(404, "token", _("No assessment has this token."))
    language = request.GET.get("lang")
    if language not in dict(settings.LANGUAGES):
        language = get_language()  # from Accept-Language, Indonesian by default
    # Rendered once per language, engine version and shortlist; then read from storage.
    report, _rendered_now = reports.report_open(assessment, language)
    return FileResponse(
        report,
        as_attachment=True,
        filename=pdf.report_filename(assessment),
        content_type="application/pdf",
    )


@csrf_exempt
@require_GET
def schema(request: HttpRequest) -> JsonResponse:
    """The OpenAPI 3.1 description of this API (assessment/openapi.py)."""
    document = openapi.openapi_document(request.build_absolute_uri("/"))
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})
