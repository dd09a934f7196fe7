"""Project-level guarantees: deploy checks, layering, translations, migrations."""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def test_deploy_check_is_clean_with_documented_production_variables():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x9!pQ2#vL7@mZ4$wR8^tY1&uI5*oP3(aS6)dF0-gH_jK+lB=nC",
        "ALLOWED_HOSTS": "advisor.example.com",
        "CSRF_TRUSTED_ORIGINS": "https://advisor.example.com",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' conftest
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr


def test_production_without_a_secret_key_refuses_to_start():
    env = {**os.environ, "DEBUG": "0"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_catalog_never_imports_assessment():
    for path in (ROOT / "catalog").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] == "assessment" for n in names), path


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize("language", ["id", "en"])
def test_translations_are_complete_and_compiled(language):
    folder = ROOT / "locale" / language / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    assert po.untranslated_entries() == [] or language == "en"
    assert po.fuzzy_entries() == []
    compiled = {
        e.msgid: e.msgstr or e.msgstr_plural for e in polib.mofile(str(folder / "django.mo"))
    }
    for entry in po.translated_entries():
        assert entry.msgid in compiled, f"{entry.msgid!r} missing from django.mo: compilemessages"


def test_makemessages_finds_no_untranslated_string(tmp_path):
    """Run makemessages on a copy of the project: every string in the code is translated."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "staticfiles",
            "test-artifacts",
            "db.sqlite3*",
            "__pycache__",
            ".pytest_cache",
            ".ruff_cache",
            ".hypothesis",
        ),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "id", "--no-obsolete"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    po = polib.pofile(str(copy / "locale/id/LC_MESSAGES/django.po"))
    missing = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
    assert missing == []


@pytest.mark.django_db
def test_health_answers_for_the_database_the_cache_and_the_storage(client, monkeypatch):
    response = client.get("/health/")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert set(data["checks"]) == {"database", "cache", "storage"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]

    from bpo_advisor import health

    def broken():
        raise ConnectionError("down")

    monkeypatch.setitem(health.CHECKS, "cache", broken)
    down = client.get("/health/")
    assert down.status_code == 503
    assert down.json()["checks"]["cache"] == {"ok": False, "error": "ConnectionError"}


@pytest.mark.django_db
def test_anonymous_sessions_end_after_a_day(client, starting_catalog):
    client.post("/en/assess/organisation/", {"country": "ID", "size": "sme", "next": "1"})
    cookie = client.cookies["sessionid"]
    assert int(cookie["max-age"]) == 24 * 60 * 60


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/id/", "/en/catalog/", "/id/assess/organisation/", "/api/assessments/nope/"]
)
def test_security_headers_on_every_page_type(client, settings, url):
    settings.DEBUG = False
    response = client.get(url, secure=True)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    if not url.startswith("/api/"):
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "unsafe-inline" not in policy


@pytest.mark.django_db
def test_one_log_line_per_request_with_the_token_masked(client, starting_catalog, caplog):
    import logging

    from assessment import services
    from bpo_advisor.logs import MaskTokens
    from tests.factories import base_answers

    saved = services.assessment_create(data=base_answers(), language="en")
    with caplog.at_level(logging.INFO, logger="bpo_advisor.requests"):
        client.get(f"/en/assess/r/{saved.token}/", REMOTE_ADDR="203.0.113.5")
        client.get("/health/")
    lines = [r.getMessage() for r in caplog.records if r.name == "bpo_advisor.requests"]
    assert len(lines) == 1  # the health check is not logged
    assert saved.token not in lines[0]
    assert f"/en/assess/r/{saved.token[:4]}…/" in lines[0]
    assert (
        "method=GET" in lines[0] and "status=200" in lines[0] and "client=203.0.113.5" in lines[0]
    )
    # The server's own access log passes the same filter.
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        "",
        0,
        '"%s" %s',
        (f"GET /api/assessments/{saved.token}/ HTTP/1.1", "200"),
        None,
    )
    MaskTokens().filter(record)
    assert saved.token not in record.getMessage()


def test_gunicorns_access_log_has_tokens_masked_too():
    """gunicorn passes its access-log fields as a mapping (`%(r)s`); they are masked too."""
    import logging

    from bpo_advisor.logs import MaskTokens

    token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde"
    record = logging.LogRecord(
        "gunicorn.access",
        logging.INFO,
        "",
        0,
        '%(h)s "%(r)s" %(s)s',
        ({"h": "127.0.0.1", "r": f"GET /id/assess/r/{token}/ HTTP/1.1", "s": "200"},),
        None,
    )
    MaskTokens().filter(record)
    assert record.getMessage() == '127.0.0.1 "GET /id/assess/r/AbCd…/ HTTP/1.1" 200'


def test_every_package_the_app_imports_is_a_declared_dependency():
    """A package the app imports is named in pyproject's runtime dependencies, not only
    pulled in by another one (Pillow came with WeasyPrint, and left with it)."""
    import re
    import tomllib
    from importlib.metadata import packages_distributions

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {
        re.split(r"[\[=<>~! ]", spec, maxsplit=1)[0].lower().replace("_", "-")
        for spec in project["dependencies"]
    }
    providers = packages_distributions()
    ours = {"assessment", "catalog", "bpo_advisor", "tests"}
    imported: dict[str, Path] = {}
    files = [ROOT / "manage.py"]
    for folder in ("assessment", "catalog", "bpo_advisor"):
        files += [p for p in (ROOT / folder).rglob("*.py") if "migrations" not in p.parts]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in ours and top not in sys.stdlib_module_names:
                    imported.setdefault(top, path)
    assert "PIL" in imported and "django" in imported  # the walk sees the imports
    undeclared = {
        top: str(path.relative_to(ROOT))
        for top, path in imported.items()
        if not {d.lower().replace("_", "-") for d in providers.get(top, [top])} & declared
    }
    assert undeclared == {}
