"""Structured request logs, with result tokens masked.

A token is the only key to a result, so no log line carries one whole: every record that
passes the console handler (the server's access log included) has tokens cut to their
first four characters. One line per request: method, path, status, duration, client.
"""

from __future__ import annotations

import logging
import re
import time

from .clients import client_address

# A result token (43 URL-safe characters) in a result or API path.
TOKEN = re.compile(r"(/(?:r|assessments)/)([A-Za-z0-9_-]{4})[A-Za-z0-9_-]{16,}")
QUIET = ("/health/", "/static/", "/favicon.ico")
log = logging.getLogger("bpo_advisor.requests")


def mask_tokens(text: str) -> str:
    return TOKEN.sub(r"\1\2…", text)


class MaskTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_tokens(str(record.msg))
        args = record.args
        if isinstance(args, dict):  # gunicorn's access log passes its fields by name
            record.args = {k: mask_tokens(v) if isinstance(v, str) else v for k, v in args.items()}
        elif args:
            args = args if isinstance(args, tuple) else (args,)
            record.args = tuple(mask_tokens(a) if isinstance(a, str) else a for a in args)
        return True


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if not request.path_info.startswith(QUIET):
            log.info(
                "method=%s path=%s status=%s ms=%.1f client=%s",
                request.method,
                mask_tokens(request.get_full_path()),
                response.status_code,
                (time.perf_counter() - started) * 1000,
                client_address(request),
            )
        return response
