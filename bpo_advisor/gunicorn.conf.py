"""gunicorn's settings for `scripts/serve.sh --production`, from the environment.

HOST, PORT: where to listen (127.0.0.1:8000). WEB_CONCURRENCY: worker processes (2 × cores
+ 1, at most 8). GUNICORN_TIMEOUT: seconds before a stuck worker is replaced (60; a large PDF
takes a few seconds). The app logs one line per request itself (bpo_advisor/logs.py), so
gunicorn's own access log is off; ACCESS_LOG=1 turns it on, and result tokens are masked in
it as in every other line gunicorn writes.
"""

import os

from gunicorn.glogging import Logger

from bpo_advisor.logs import MaskTokens

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", min(8, 2 * (os.cpu_count() or 1) + 1)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Requests larger than this never reach Django (the API refuses bodies over 64 KB itself).
limit_request_line = 8190
limit_request_fields = 100
accesslog = "-" if os.environ.get("ACCESS_LOG", "").lower() in {"1", "true", "yes"} else None
errorlog = "-"
# The proxy in front sets X-Forwarded-*; the app trusts them only with BEHIND_TLS_PROXY.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


class MaskedLogger(Logger):
    """gunicorn's logger, with result tokens masked on the error and the access log."""

    def setup(self, cfg):
        super().setup(cfg)
        for handler in (*self.error_log.handlers, *self.access_log.handlers):
            handler.addFilter(MaskTokens())


logger_class = MaskedLogger
control_socket_disable = True  # nothing manages it at run time; several servers may share a host
