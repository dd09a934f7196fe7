"""The API reference page (/api/docs/): the OpenAPI description, read as a person reads it.

Everything on the page comes from the description itself (assessment/openapi.py), so the
page, the schema and the validation cannot tell different stories.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from . import openapi

METHODS = ("get", "post", "put", "delete")
LONG_ENUM = 12  # longer lists of allowed values point to GET /api/taxonomy/


def _resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _type(schema: dict) -> str:
    kind = schema.get("type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    if "array" in kinds and "items" in schema:
        inner = schema["items"].get("type", "")
        return f"list of {inner}" if inner else "list"
    return " or ".join(k for k in kinds if k) or ("one of" if "oneOf" in schema else "")


def _allowed(schema: dict) -> str:
    values = schema.get("enum") or schema.get("items", {}).get("enum")
    if values:
        if len(values) > LONG_ENUM:
            return f"{len(values)} codes (GET /api/taxonomy/)"
        return ", ".join(str(v) for v in values)
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None or high is not None:
        return f"{low if low is not None else '…'} to {high if high is not None else '…'}"
    if "maxLength" in schema:
        return f"up to {schema['maxLength']} characters"
    return ""


def fields(document: dict, schema: dict, prefix: str = "") -> list[dict[str, Any]]:
    """Every field of a body schema as table rows: dotted path, type, required, allowed
    values, default, description."""
    schema = _resolve(document, schema)
    rows = []
    required = set(schema.get("required", ()))
    for name, sub in (schema.get("properties") or {}).items():
        sub = _resolve(document, sub)
        if "oneOf" in sub:
            sub = next((s for s in sub["oneOf"] if s.get("type") != "null"), sub)
        path = f"{prefix}{name}"
        rows.append(
            {
                "path": path,
                "type": _type(sub),
                "required": name in required,
                "allowed": _allowed(sub),
                "default": json.dumps(sub["default"]) if "default" in sub else "",
                "description": sub.get("description", ""),
            }
        )
        if sub.get("type") == "object" and sub.get("properties"):
            rows.extend(fields(document, sub, path + "."))
    return rows


def _operations(document: dict) -> list[dict[str, Any]]:
    out = []
    for path, item in document["paths"].items():
        shared = item.get("parameters", [])
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            examples = (body or {}).get("examples") or {}
            first_example = next(iter(examples.values()), {}).get("value") if examples else None
            responses = []
            for status, response in operation["responses"].items():
                content = response.get("content", {})
                media = next(iter(content), "")
                example = content.get(media, {}).get("example") if media else None
                responses.append(
                    {
                        "status": status,
                        "description": response["description"],
                        "media": media,
                        "example": json.dumps(example, indent=2, ensure_ascii=False)[:6000]
                        if example is not None
                        else "",
                    }
                )
            out.append(
                {
                    "id": operation["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation["summary"],
                    "tag": (operation.get("tags") or [""])[0],
                    "parameters": [*shared, *operation.get("parameters", [])],
                    "body_fields": fields(document, body["schema"]) if body else [],
                    "body_example": json.dumps(first_example, indent=2, ensure_ascii=False)
                    if first_example is not None
                    else "",
                    "responses": responses,
                }
            )
    return out


@require_GET
def docs_redirect(request: HttpRequest) -> HttpResponse:
    """/api/docs/ opens the reference in the visitor's language."""
    return HttpResponseRedirect(reverse("api-docs"))


@require_GET
def docs(request: HttpRequest) -> HttpResponse:
    base = request.build_absolute_uri("/")
    document = openapi.openapi_document(base)
    operations = _operations(document)
    return render(
        request,
        "api_docs.html",
        {
            "info": document["info"],
            "base": base.rstrip("/"),
            "operations": operations,
            "tags": list(dict.fromkeys(op["tag"] for op in operations)),
            "answers_fields": fields(document, document["components"]["schemas"]["Answers"]),
            "example": json.dumps(
                openapi.persona_examples()["online_shop"]["value"], indent=2, ensure_ascii=False
            ),
            "language": get_language(),
        },
    )
