"""`scripts/serve.sh --production` starts gunicorn with DEBUG=0 and serves the site."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from assessment.examples import example_answers

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (local server)
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("production")
    port = free_port()
    env = {
        # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not reach a production server.
        **{
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        },
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP here; behind the TLS proxy it stays on
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
    }
    log = (tmp / "server.log").open("w")
    process = subprocess.Popen(
        ["bash", "scripts/serve.sh", "--production"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    try:
        while True:
            try:
                if fetch(base + "/health/")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log_text = (tmp / "server.log").read_text()
                pytest.fail("the production server did not start:\n" + log_text)
            time.sleep(0.5)
        yield base, tmp / "server.log", env
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        log.close()


def test_serves_pages_static_files_and_its_own_errors(production_server):
    base, log, _env = production_server
    status, headers, body = fetch(base + "/id/catalog/")
    assert status == 200
    assert "Katalog" in body
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"

    # Static files come from collectstatic's hashed names, served by WhiteNoise.
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', body)
    assert stylesheet, "collectstatic's hashed stylesheet name is in the page"
    status, headers, _ = fetch(base + stylesheet.group(1))
    assert status == 200 and "immutable" in headers["Cache-Control"]

    status, _, body = fetch(base + "/id/no-such-page/")
    assert status == 404
    # DEBUG is off: the site's own page, not Django's technical one.
    assert "Halaman tidak ditemukan" in body and "URLconf" not in body

    assert "Starting gunicorn" in log.read_text()
    assert "method=GET path=/id/catalog/ status=200" in log.read_text()


def test_a_submission_is_stored_and_read_back(production_server):
    base, log, _env = production_server
    request = urllib.request.Request(  # noqa: S310 (local server)
        base + "/api/assessments/",
        data=json.dumps(example_answers()).encode(),
        headers={"Content-Type": "application/json", "Accept-Language": "en"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        assert response.status == 201
        token = json.loads(response.read())["token"]
    status, headers, body = fetch(f"{base}/api/assessments/{token}/")
    assert status == 200 and json.loads(body)["token"] == token
    assert "no-store" in headers["Cache-Control"]
    # The token never reaches the log whole.
    assert token not in log.read_text()


def _top_vendor(base: str) -> str:
    request = urllib.request.Request(  # noqa: S310 (local server)
        base + "/api/assessments/",
        data=json.dumps(example_answers()).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())["result"]["vendors"][0]["slug"]


def test_a_catalog_change_made_elsewhere_reaches_every_worker_at_once(production_server):
    """Two gunicorn workers each keep the catalog in columns; a curator's change made by
    another process is in the very next ranking of both."""
    base, _log, env = production_server
    firsts = {_top_vendor(base) for _ in range(8)}  # both workers now hold a snapshot
    assert len(firsts) == 1
    top = firsts.pop()
    subprocess.run(
        [
            str(ROOT / ".venv/bin/python"),
            "manage.py",
            "shell",
            "-c",
            "from catalog.models import Vendor; from catalog.services import vendors_set_active;"
            f"vendors_set_active(vendors=Vendor.objects.filter(slug='{top}'), active=False)",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    assert top not in {_top_vendor(base) for _ in range(8)}
