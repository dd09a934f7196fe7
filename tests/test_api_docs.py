"""The API reference page (/api/docs/): made from the OpenAPI description, in the site's
layout, in the visitor's language, self-contained (no outside asset)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_api_docs_open_in_the_visitors_language(client, starting_catalog):
    response = client.get("/api/docs/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == "/en/api/docs/"
    assert client.get("/api/docs/").headers["Location"] == "/id/api/docs/"


def test_the_reference_lists_every_operation_and_every_answer_field(client, starting_catalog):
    document = client.get("/api/schema/").json()
    page = client.get("/en/api/docs/").content.decode()
    assert 'class="navbar' in page  # the site's layout
    for path, item in document["paths"].items():
        for method in ("get", "post", "put", "delete"):
            if method in item:
                assert f"<code>{method.upper()} {path}</code>" in page, (method, path)
    answers = document["components"]["schemas"]["Answers"]
    for section, schema in answers["properties"].items():
        assert f"<code>{section}</code>" in page
        for field in schema.get("properties", {}):
            assert f"<code>{section}.{field}</code>" in page, f"{section}.{field}"
    assert "curl -s -X POST http://testserver/api/assessments/" in page
    assert "urllib.request.Request(" in page
    assert "schema_version" in page and "Versions and compatibility" in page
    # Nothing is fetched from elsewhere: every script and stylesheet is our own.
    assert not re.search(r'(src|href)="https?://(?!testserver)', page)


def test_the_reference_speaks_indonesian_too(client, starting_catalog):
    page = client.get("/id/api/docs/").content.decode()
    assert "Referensi API" in page and "Permintaan pertama" in page
