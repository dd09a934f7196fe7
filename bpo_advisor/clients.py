"""Who is asking: the client's address, trusted from the proxy header only behind the TLS
proxy (BEHIND_TLS_PROXY), where that proxy sets it; otherwise the connection's own."""

from __future__ import annotations

import os


def behind_proxy() -> bool:
    return os.environ.get("BEHIND_TLS_PROXY", "").lower() in ("1", "true", "yes", "on")


def client_address(request) -> str:
    if behind_proxy():
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")
