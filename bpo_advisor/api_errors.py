"""Under /api/ every answer is JSON, errors included: a method the endpoint does not take
is a 405 with ``Allow``, an unknown path a 404, an unexpected failure a 500, each as
``{"errors": {field: [message]}}``, never an HTML page."""

from __future__ import annotations

import logging

from django.http import JsonResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
log = logging.getLogger("bpo_advisor.api")


def _json(status: int, field: str, message: str) -> JsonResponse:
    return JsonResponse({"errors": {field: [message]}}, status=status)


class ApiErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(API_PREFIX):
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        if response.status_code == 405:
            allowed = response.get("Allow", "")
            replaced = _json(
                405,
                "method",
                _("This address does not take %(method)s; it takes %(allowed)s.")
                % {"method": request.method, "allowed": allowed},
            )
            replaced["Allow"] = allowed
            return replaced
        if response.status_code == 404:
            return _json(404, "path", _("There is nothing at this address."))
        if response.status_code == 406:
            return _json(406, "accept", _("This address answers in JSON only."))
        return response

    def process_exception(self, request, exception):
        if not request.path_info.startswith(API_PREFIX):
            return None
        log.exception("API error on %s %s", request.method, request.path_info)
        return _json(500, "server", _("Something went wrong on our side; nothing was saved."))
