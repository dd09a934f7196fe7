"""The API's OpenAPI 3.1 description, built from the contract's schemas (engine/schema.py)
and the taxonomy in force, with examples made by the engine from real personas.

GET /api/schema/ serves it; /api/docs/ renders it as a page. Built once per catalog version
and host (the taxonomy's codes are part of the answers' schema).
"""

from __future__ import annotations

import copy
import threading
from typing import Any

from bpo_advisor import regulation
from catalog.facets import LEGAL_FILTERS
from catalog.services import catalog_stamp

from . import services
from .engine import ENGINE_VERSION
from .engine.catalog import VERIFIED
from .engine.schema import CONTRACT_VERSION, answers_schema, result_schema
from .examples import example_answers

_cache: dict[tuple, dict] = {}
TAXONOMY_LISTS = (
    "functions",
    "services",
    "work_systems",
    "customizations",
    "industries",
    "certifications",
    "languages",
    "coverage",
    "size_bands",
)
_lock = threading.Lock()


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str, example: Any = None) -> dict:
    content: dict[str, Any] = {"schema": schema}
    if example is not None:
        content["example"] = example
    return {"description": description, "content": {"application/json": content}}


def _error(description: str) -> dict:
    return _json(
        _ref("Errors"),
        description,
        {"errors": {"services": ["Choose at least one."]}},
    )


def persona_examples() -> dict[str, dict]:
    """Answers of real personas: the contract's online shop, a Singapore bank with regulated
    data, and a law firm keeping its core work in house."""
    shop = example_answers()
    bank = example_answers()
    bank["organisation"] |= {
        "name": "Example Bank SG",
        "country": "SG",
        "industry": "finance_banking",
    }
    bank["constraints"] |= {
        "data_sensitivity": "regulated",
        "coverage": "24_7",
        "languages": ["en"],
        "monthly_budget_idr": 900_000_000,
    }
    bank["services"] = ["customer_service"]
    law = example_answers()
    law["organisation"] |= {"name": "PT Contoh Hukum", "industry": "other", "size": "sme"}
    law["services"] = ["contract_drafting", "legal_research"]
    law["work"] |= {
        "process_definition": "judgment",
        "expertise": "specialist",
        "customer_contact": "none",
        "core_to_business": True,
        "driver": "expertise",
    }
    return {
        "online_shop": {
            "summary": "Online shop: customer care and order processing",
            "value": shop,
        },
        "bank_sg": {"summary": "Singapore bank: regulated customer care, 24/7", "value": bank},
        "law_firm": {"summary": "Law firm: specialist, core legal work", "value": law},
    }


def _parameters(*names: str) -> list[dict]:
    described = {
        "token": {
            "name": "token",
            "in": "path",
            "required": True,
            "description": "The assessment's token (43 URL-safe characters): the only key to it.",
            "schema": {"type": "string", "maxLength": 64},
        },
        "slug": {
            "name": "slug",
            "in": "path",
            "required": True,
            "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
        },
        "Accept-Language": {
            "name": "Accept-Language",
            "in": "header",
            "required": False,
            "description": "`id` (default) or `en`: the language of the result's sentences.",
            "schema": {"type": "string", "examples": ["id", "en"]},
        },
        "If-None-Match": {
            "name": "If-None-Match",
            "in": "header",
            "required": False,
            "description": "An ETag from an earlier answer: 304 while the catalog is unchanged.",
            "schema": {"type": "string"},
        },
    }
    return [described[name] for name in names]


def _catalog_filters(taxonomy) -> list[dict]:
    """The catalog page's filters. An empty value means "any", as on the page."""

    def query(name: str, description: str, values=None, schema=None) -> dict:
        if schema is None:
            schema = {"type": "string", "enum": ["", *sorted(values)]}
        return {
            "name": name,
            "in": "query",
            "required": False,
            "description": description,
            "schema": schema,
        }

    return [
        query(
            "q",
            "Words in the name or descriptions (no NUL character).",
            schema={"type": "string", "pattern": "^[^\\u0000]*$"},
        ),
        query("service", "A service slug.", taxonomy.service_functions),
        query(
            "function", "A function slug (a parent includes its children).", taxonomy.function_order
        ),
        query("industry", "An industry slug.", taxonomy.industries),
        query("country", "Delivers from this ISO 3166-1 country.", taxonomy.countries),
        query("certification", "A certification slug.", taxonomy.certifications),
        query("language", "A working-language slug.", taxonomy.languages),
        query("coverage", "Coverage hours.", ("business_hours", "extended", "24_7")),
        query("pricing", "Offers this pricing model.", regulation.PRICING),
        {
            "name": "legal",
            "in": "query",
            "required": False,
            "style": "form",
            "explode": True,
            "description": "Indonesian legal facts a source states, each repeatable and all "
            "required: entity (legal entity and NIB), bpjs (states its staff are registered "
            "with BPJS), pse (registered electronic system operator), data_id (keeps client "
            "data only in Indonesia, verified). A fact a curator marked stale does not match.",
            "schema": {"type": "array", "items": {"type": "string", "enum": list(LEGAL_FILTERS)}},
        },
        query(
            "sort",
            "Order (name by default).",
            ("name", "-name", "founded", "-founded", "price", "-price"),
        ),
        query("page", "Page number, from 1.", schema={"type": "integer", "minimum": 1}),
        query(
            "page_size",
            "Vendors per page (20).",
            schema={"type": "integer", "minimum": 1, "maximum": 100},
        ),
        query(
            "synthetic",
            "1 lists the synthetic vendors of load tests too; any other value does not.",
            schema={"type": "string"},
        ),
    ]


def _vendor_schema() -> dict:
    nullable_text = {"type": ["string", "null"]}
    codes = {"type": "array", "items": {"type": "string"}}
    whole = {"type": ["integer", "null"], "minimum": 0}
    properties = {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "page_url": {"type": "string", "format": "uri"},
        "short_description": nullable_text,
        "long_description": nullable_text,
        "website": nullable_text,
        "headquarters_country": nullable_text,
        "delivery_countries": codes,
        "services": codes,
        "industries": codes,
        "certifications": codes,
        "languages": codes,
        "work_systems": codes,
        "customizations": codes,
        "coverage": nullable_text,
        "size_band": nullable_text,
        "founded_year": whole,
        "price_min_idr": whole,
        "price_max_idr": whole,
        "min_contract_months": whole,
        "legal_entity": nullable_text,
        "nib": nullable_text,
        "kbli_codes": codes,
        "pse_registered": {"type": ["boolean", "null"]},
        "data_locations": codes,
        "bpjs_compliant": {
            "type": ["boolean", "null"],
            "description": "The vendor's statement that its staff are registered with BPJS.",
        },
        "pricing_models": codes,
        "synthetic": {"type": "boolean"},
        "evidence": {
            "type": "object",
            "properties": {
                "last_verified_at": {"type": ["string", "null"], "format": "date"},
                "source": nullable_text,
            },
            "required": ["last_verified_at", "source"],
        },
        "updated_at": {"type": "string", "format": "date-time"},
        "certificates": {
            "type": "array",
            "description": "Certificates behind the certifications. A certification counts "
            "only while one of its certificates is current (not past its expiry date).",
            "items": {
                "type": "object",
                "properties": {
                    "certification": {"type": "string"},
                    "number": nullable_text,
                    "issuer": nullable_text,
                    "issued_on": {"type": ["string", "null"], "format": "date"},
                    "expires_on": {"type": ["string", "null"], "format": "date"},
                    "current": {"type": "boolean"},
                },
                "required": [
                    "certification",
                    "number",
                    "issuer",
                    "issued_on",
                    "expires_on",
                    "current",
                ],
            },
        },
        "fact_checks": {
            "type": "array",
            "description": "Where and when single facts were checked. A stale fact reads as "
            "unknown (null, or an empty unverified list).",
            "items": {
                "type": "object",
                "properties": {
                    "fact": {"type": "string"},
                    "source": {"type": "string"},
                    "checked_on": {"type": "string", "format": "date"},
                    "stale": {"type": "boolean"},
                },
                "required": ["fact", "source", "checked_on", "stale"],
            },
        },
    }
    for listed in VERIFIED:  # the listed facts a vendor may have incompletely
        properties[f"{listed}_verified"] = {
            "type": "boolean",
            "description": f"false: the {listed.replace('_', ' ')} listed may be incomplete.",
        }
    return {
        "type": "object",
        "properties": properties,
        "required": sorted(properties),
        "description": "A vendor. Facts the catalog does not know are null.",
    }


def _build(base_url: str, taxonomy) -> dict:
    answers = answers_schema(taxonomy)
    examples = persona_examples()
    example_result = services.result_render(
        services.assessment_evaluate(examples["online_shop"]["value"]).result_data, "en"
    )
    created = {
        "type": "object",
        "properties": {
            "token": {"type": "string"},
            "url": {"type": "string", "format": "uri", "description": "The results page."},
            "pdf_url": {
                "type": "string",
                "format": "uri",
                "description": "The report as PDF, in the response's language (`lang`).",
            },
            "result": _ref("Result"),
        },
        "required": ["token", "url", "pdf_url", "result"],
    }
    stored = copy.deepcopy(created)
    stored["properties"] |= {
        "created_at": {"type": "string", "format": "date-time"},
        "answers": {"type": "object", "description": "The answers as stored (defaults filled in)."},
        "shortlist": {"type": "array", "items": {"type": "string"}},
    }
    stored["required"] += ["created_at", "answers", "shortlist"]
    errors = {
        "type": "object",
        "properties": {
            "errors": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
                "description": "Field path (dotted, e.g. `constraints.languages`) to messages "
                "in the request's language.",
            }
        },
        "required": ["errors"],
    }
    token_example = "q3Xv0kzp4m2W1TnO8yJf6bR9cLh5sAeD7uGiNxYtPwE"  # noqa: S105 - a made-up token
    vendor_page = {
        "type": "object",
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "pages": {"type": "integer", "minimum": 1},
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array", "items": _ref("Vendor")},
        },
        "required": ["count", "page", "pages", "next", "previous", "results"],
    }
    named = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "slug": {"type": "string"},
                "names": {
                    "type": "object",
                    "properties": {"id": {"type": "string"}, "en": {"type": "string"}},
                    "required": ["id", "en"],
                },
            },
            "required": ["slug", "names"],
        },
    }
    country_list = copy.deepcopy(named)
    country_list["items"]["properties"] = {
        "code": {"type": "string"},
        "names": named["items"]["properties"]["names"],
    }
    country_list["items"]["required"] = ["code", "names"]
    taxonomy_schema = {
        "type": "object",
        "properties": dict.fromkeys(TAXONOMY_LISTS, named) | {"countries": country_list},
        "required": ["services", "industries", "certifications", "languages", "countries"],
    }
    too_many = _json(_ref("Errors"), "Too many requests from this address: see Retry-After.")
    too_many["headers"] = {"Retry-After": {"schema": {"type": "integer"}}}
    validators = {
        "ETag": {"schema": {"type": "string"}},
        "Last-Modified": {"schema": {"type": "string"}},
    }

    def cached(response: dict) -> dict:
        return {**response, "headers": validators}

    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "BPO Advisor API",
            "version": CONTRACT_VERSION,
            "summary": "Needs analysis in, explained outsourcing advice and ranked vendors out.",
            "description": (
                "Send a client's answers, get the recommended outsourcing model with every "
                "reason, the catalog's vendors ranked against the needs, risks, roadmap, "
                "service levels and due diligence. Read the vendor catalog and its taxonomy as "
                f"data. Contract version {CONTRACT_VERSION} (answers `schema_version` 1, "
                f"engine {ENGINE_VERSION}). No authentication: an assessment's token is its "
                'only key. Errors are always JSON: `{"errors": {"field.path": ["message"]}}`.'
            ),
        },
        "servers": [{"url": base_url}],
        "paths": {
            "/api/assessments/": {
                "post": {
                    "operationId": "createAssessment",
                    "summary": "Create an assessment from answers",
                    "tags": ["Assessments"],
                    "parameters": [
                        *_parameters("Accept-Language"),
                        {
                            "name": "Idempotency-Key",
                            "in": "header",
                            "required": False,
                            "description": "Retry with the same key and body: the first answer "
                            "again (200), nothing new stored. Another body: 422.",
                            "schema": {"type": "string", "maxLength": 255},
                        },
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": _ref("Answers"), "examples": examples}
                        },
                    },
                    "responses": {
                        "201": _json(
                            _ref("Created"),
                            "Stored; the result follows.",
                            {
                                "token": token_example,
                                "url": f"{base_url}en/assess/r/{token_example}/",
                                "pdf_url": f"{base_url}api/assessments/{token_example}/pdf?lang=en",
                                "result": example_result,
                            },
                        ),
                        "200": _json(_ref("Created"), "A retry with the same Idempotency-Key."),
                        "400": _error("The answers break the contract: every bad field."),
                        "413": _error("The body is over 64 KB."),
                        "415": _error("The body is not application/json."),
                        "422": _error("The Idempotency-Key was used with other answers."),
                        "429": too_many,
                    },
                }
            },
            "/api/assessments/{token}/": {
                "parameters": _parameters("token"),
                "get": {
                    "operationId": "getAssessment",
                    "summary": "Read an assessment back",
                    "tags": ["Assessments"],
                    "parameters": _parameters("Accept-Language"),
                    "responses": {
                        "200": _json(_ref("Stored"), "The answers, the result and the shortlist."),
                        "404": _error("No assessment has this token."),
                    },
                },
                "delete": {
                    "operationId": "deleteAssessment",
                    "summary": "Delete an assessment for good (its reports too)",
                    "tags": ["Assessments"],
                    "responses": {
                        "204": {"description": "Deleted."},
                        "404": _error("No assessment has this token."),
                    },
                },
            },
            "/api/assessments/{token}/pdf": {
                "parameters": _parameters("token"),
                "get": {
                    "operationId": "getAssessmentPdf",
                    "summary": "The report as PDF",
                    "tags": ["Assessments"],
                    "parameters": [
                        {
                            "name": "lang",
                            "in": "query",
                            "required": False,
                            "description": "id or en; otherwise Accept-Language decides.",
                            "schema": {"type": "string", "examples": ["id", "en"]},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "The PDF.",
                            "content": {
                                "application/pdf": {
                                    "schema": {"type": "string", "format": "binary"}
                                }
                            },
                        },
                        "404": _error("No assessment has this token."),
                        "429": too_many,
                    },
                },
            },
            "/api/assessments/{token}/shortlist": {
                "parameters": _parameters("token"),
                "put": {
                    "operationId": "setShortlist",
                    "summary": "Save 2 to 4 ranked vendors to compare",
                    "tags": ["Assessments"],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "vendors": {
                                            "type": "array",
                                            "items": {"type": "string"},
                                            "minItems": 2,
                                            "maxItems": 4,
                                        }
                                    },
                                    "required": ["vendors"],
                                    "additionalProperties": False,
                                }
                            }
                        },
                    },
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "token": {"type": "string"},
                                    "shortlist": {"type": "array", "items": {"type": "string"}},
                                },
                                "required": ["token", "shortlist"],
                            },
                            "Saved.",
                        ),
                        "400": _error("Not 2 to 4 of this result's ranked vendors."),
                        "404": _error("No assessment has this token."),
                        "413": _error("The body is over 64 KB."),
                        "415": _error("The body is not application/json."),
                        "429": too_many,
                    },
                },
            },
            "/api/vendors/": {
                "get": {
                    "operationId": "listVendors",
                    "summary": "The public catalog, filtered like the catalog page",
                    "tags": ["Catalog"],
                    "parameters": [*_catalog_filters(taxonomy), *_parameters("If-None-Match")],
                    "responses": {
                        "200": cached(_json(_ref("VendorPage"), "A page of vendors.")),
                        "304": {"description": "Unchanged since the ETag sent."},
                        "400": _error("A filter or page size that is not allowed."),
                        "404": _error("No such page."),
                    },
                }
            },
            "/api/vendors/{slug}/": {
                "parameters": _parameters("slug"),
                "get": {
                    "operationId": "getVendor",
                    "summary": "One vendor, every attribute",
                    "tags": ["Catalog"],
                    "parameters": [
                        {
                            "name": "synthetic",
                            "in": "query",
                            "required": False,
                            "description": "1 opens a synthetic vendor too.",
                            "schema": {"type": "string"},
                        },
                        *_parameters("If-None-Match"),
                    ],
                    "responses": {
                        "200": cached(_json(_ref("Vendor"), "The vendor.")),
                        "304": {"description": "Unchanged since the ETag sent."},
                        "404": _error("No vendor has this slug."),
                    },
                },
            },
            "/api/taxonomy/": {
                "get": {
                    "operationId": "getTaxonomy",
                    "summary": "Every code, with its Indonesian and English names",
                    "tags": ["Catalog"],
                    "parameters": _parameters("If-None-Match"),
                    "responses": {
                        "200": cached(
                            _json(_ref("Taxonomy"), "The codes answers and vendors use.")
                        ),
                        "304": {"description": "Unchanged since the ETag sent."},
                    },
                }
            },
            "/api/schema/": {
                "get": {
                    "operationId": "getSchema",
                    "summary": "This description",
                    "tags": ["Reference"],
                    "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1.")},
                }
            },
        },
        "components": {
            "schemas": {
                "Answers": answers,
                "Result": result_schema(),
                "Created": created,
                "Stored": stored,
                "Errors": errors,
                "Vendor": _vendor_schema(),
                "VendorPage": vendor_page,
                "Taxonomy": taxonomy_schema,
            }
        },
    }


def openapi_document(base_url: str) -> dict:
    """The description for a site at ``base_url`` (ending in /), built once per catalog
    version and address in each process."""
    key = (catalog_stamp(), base_url)
    found = _cache.get(key)
    if found is None:
        with _lock:
            found = _build(base_url, services.catalog_snapshot().taxonomy)
            _cache.clear()
            _cache[key] = found
    return found
