"""The answers and the result as JSON Schema (2020-12, the dialect of OpenAPI 3.1).

Built from the same definitions ``parse_answers`` validates with (the field lists, allowed
values, ranges and defaults of answers.py) and the codes of codes.py, so the published
contract cannot drift from what the engine accepts and returns. The reference data (services,
industries, certifications, languages, countries) come from the taxonomy in force.

Results: every key the engine writes is described; clients must ignore keys they do not
know (a compatible addition, see the README's "Versioning").
"""

from __future__ import annotations

from typing import Any

from . import answers as A
from .codes import (
    Approach,
    Attribute,
    Criterion,
    Engagement,
    Level,
    Location,
    LocationMix,
    Risk,
    Sourcing,
    Strength,
)

CONTRACT_VERSION = f"{A.SCHEMA_VERSION}.5"  # schema_version 1; engine 1.5's additions

Schema = dict[str, Any]


def _enum(values, description: str = "", default: Any = A._MISSING) -> Schema:
    out: Schema = {"type": "string", "enum": list(values)}
    if description:
        out["description"] = description
    if default is not A._MISSING:
        out["default"] = default
    return out


def _integer(low: int, high: int, description: str = "", *, nullable=False, default=A._MISSING):
    out: Schema = {"type": ["integer", "null"] if nullable else "integer"}
    out["minimum"], out["maximum"] = low, high
    if description:
        out["description"] = description
    if default is not A._MISSING:
        out["default"] = default
    return out


def _boolean(description: str = "", default: Any = A._MISSING) -> Schema:
    out: Schema = {"type": "boolean"}
    if description:
        out["description"] = description
    if default is not A._MISSING:
        out["default"] = default
    return out


def _codes(values, description: str, *, min_items: int = 0, default=A._MISSING) -> Schema:
    out: Schema = {
        "type": "array",
        "items": {"type": "string", "enum": sorted(values)},
        "description": description,
    }
    if min_items:
        out["minItems"] = min_items
    if default is not A._MISSING:
        out["default"] = list(default)
    return out


def _object(properties: Schema, required=(), description: str = "") -> Schema:
    out: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    if description:
        out["description"] = description
    return out


# Text the engine stores: no NUL and no lone surrogate (JSON Schema cannot say the second).
TEXT = {"type": "string", "pattern": "^[^\\u0000]*$"}


def answers_schema(taxonomy: A.Taxonomy) -> Schema:
    """The answers a client sends (POST /api/assessments/, manage.py recommend)."""
    d = A.DEFAULTS
    organisation = {
        "name": {**TEXT, "maxLength": A.MAX_NAME, "description": "Shown on the result."},
        "country": _enum(
            sorted(taxonomy.countries),
            "ISO 3166-1 alpha-2 code of the client's country.",
            d["organisation.country"],
        ),
        "industry": _enum(sorted(taxonomy.industries), "Industry slug (GET /api/taxonomy/)."),
        "size": _enum(A.SIZES, "", d["organisation.size"]),
    }
    work = {
        "process_definition": _enum(A.PROCESS_DEFINITIONS),
        "expertise": _enum(A.EXPERTISE),
        "customer_contact": _enum(A.CUSTOMER_CONTACT),
        "core_to_business": _boolean(),
        "driver": _enum(A.DRIVERS),
    }
    scale = {
        "fte": _integer(1, A.MAX_FTE, "Full-time staff the work needs.", default=d["scale.fte"]),
        "seasonal_peaks": _boolean("", d["scale.seasonal_peaks"]),
        "current_staff": _integer(
            0,
            A.MAX_FTE,
            "The client's own staff doing the work today (0: new work).",
            nullable=True,
        ),
    }
    low, high = A.PRIORITY_RANGE
    priorities = {key: _integer(low, high, default=A.DEFAULT_PRIORITY) for key in A.PRIORITIES}
    stated = _object(
        {
            "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
            "amount": {"type": "integer", "minimum": 1},
            "rate_idr": {"type": "number", "exclusiveMinimum": 0},
            "rate_date": {"type": "string", "format": "date"},
        },
        required=A.STATED_KEYS,
        description="The budget as the client typed it, in another currency, with the rate used.",
    )
    constraints = {
        "data_sensitivity": _enum(A.SENSITIVITY, "", d["constraints.data_sensitivity"]),
        "languages": _codes(
            taxonomy.languages,
            "Working languages the vendor must use (default: the client country's language).",
        ),
        "coverage": _enum(A.COVERAGE, "", d["constraints.coverage"]),
        "location": _enum(A.LOCATIONS, "", d["constraints.location"]),
        "monthly_budget_idr": _integer(
            1, A.MAX_BUDGET_IDR, "Monthly budget in rupiah.", nullable=True
        ),
        "start_within_weeks": _integer(0, A.MAX_WEEKS, "", nullable=True),
        "vendor_strategy": _enum(A.VENDOR_STRATEGIES, "", d["constraints.vendor_strategy"]),
        "ownership": _enum(A.OWNERSHIP, "", d["constraints.ownership"]),
        "customization": _enum(A.CUSTOMIZATION, "", d["constraints.customization"]),
        "remote_delivery_ok": _boolean("", d["constraints.remote_delivery_ok"]),
        "required_certifications": _codes(
            taxonomy.certifications, "Must-haves.", default=d["constraints.required_certifications"]
        ),
        "budget_stated": {"oneOf": [stated, {"type": "null"}]},
    }
    low, high = A.CRITERION_WEIGHT_RANGE
    weights = _object(
        {key: _integer(low, high) for key in A.CRITERIA},
        description="The buyer's own weights on the 0-10 scale; at least one above 0.",
    )
    weights["anyOf"] = [
        {"required": [key], "properties": {key: {"minimum": 1}}} for key in A.CRITERIA
    ]
    properties = {
        "schema_version": {"type": "integer", "const": A.SCHEMA_VERSION, "default": 1},
        "organisation": _object(organisation, required=("industry",)),
        "services": _codes(
            taxonomy.service_functions, "Services to outsource (slugs).", min_items=1
        ),
        "work": _object(work, required=A.WORK_KEYS),
        "scale": _object(scale),
        "priorities": _object(priorities, description="Each from 1 (low) to 5 (high)."),
        "constraints": _object(constraints),
        "criteria_weights": weights,
        "regulation": _object(
            {
                "sector": _enum(A.SECTORS, "Who supervises the buyer.", "none"),
                "personal_data": {
                    "type": "array",
                    "items": {"type": "string", "enum": list(A.PERSONAL_DATA)},
                    "description": "Personal data the work involves; empty: none.",
                },
                "data_abroad_ok": {
                    "type": ["boolean", "null"],
                    "description": "May the data be processed outside Indonesia.",
                },
                "staff_transfer": {
                    "type": ["boolean", "null"],
                    "description": "Do the buyer's own staff move to the vendor.",
                },
                "pricing": {"type": ["string", "null"], "enum": [*A.PRICING, None]},
                "contract_months": _integer(1, A.MAX_CONTRACT_MONTHS, "", nullable=True),
                "exit_plan": _boolean("An exit and transition plan is needed.", False),
            },
            description="Optional: decides which Indonesian rules the result names.",
        ),
    }
    # The field lists parse_answers reads are the properties here: tested both ways.
    assert tuple(properties) == A.TOP_KEYS  # noqa: S101 - a definition error, at import
    schema = _object(properties, required=("organisation", "services", "work"))
    schema["title"] = "Answers"
    return schema


def _strings() -> Schema:
    return {"type": "array", "items": {"type": "string"}}


def _open(properties: Schema, required=()) -> Schema:
    """A result object: these keys at least; later versions may add more."""
    out: Schema = {"type": "object", "properties": properties}
    if required:
        out["required"] = list(required)
    return out


def _codes_or_text(values) -> Schema:
    return {"type": "string", "examples": sorted(str(v) for v in values)}


def result_schema() -> Schema:
    """The result as the API returns it: sentences rendered in the request's language."""
    number = {"type": "number"}
    nullable_string = {"type": ["string", "null"]}
    vendor = _open(
        {
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "score": {"type": "number", "minimum": 0, "maximum": 100},
            "rank": {"type": "integer", "minimum": 1},
            "location_model": {
                "type": ["string", "null"],
                "examples": [str(x) for x in Location if x != "any"],
            },
            "matched_services": _strings(),
            "missing_services": _strings(),
            "criteria": {
                "type": "object",
                "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1},
                "examples": [dict.fromkeys((str(c) for c in Criterion), 0.5)],
            },
            "unknown": {"type": "array", "items": _codes_or_text(Attribute)},
            "strength": _codes_or_text(Strength),
        },
        required=("slug", "name", "score", "rank", "criteria", "unknown"),
    )
    recommendation = _open(
        {
            "approach": _codes_or_text(Approach),
            "model": {"type": "string"},
            "specialisation": nullable_string,
            "functions": _strings(),
            "location": {"type": "string"},
            "work_system": {"type": "string"},
            "customization": {"type": "string"},
            "sourcing": _codes_or_text(Sourcing),
            "delivery": {"type": "string"},
            "location_mix": _codes_or_text(LocationMix),
            "engagement": _codes_or_text(Engagement),
            "catalog_location": nullable_string,
            "supporting_services": _strings(),
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "fit_confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "fit_rationale": _strings(),
            "notices": {
                "type": "array",
                "items": _open(
                    {"code": {"type": "string"}, "message": {"type": "string"}},
                    required=("code", "message"),
                ),
            },
            "rationale": {
                "type": "array",
                "items": _open(
                    {
                        "factor": {"type": "string"},
                        "points_to": {"type": "string"},
                        "explanation": {"type": "string"},
                    },
                    required=("factor", "explanation"),
                ),
            },
        },
        required=("approach", "model", "location", "work_system", "customization", "rationale"),
    )
    schema = _open(
        {
            "schema_version": {"type": "integer"},
            "engine_version": {"type": "string"},
            "recommendation": recommendation,
            "vendors": {"type": "array", "items": vendor},
            "vendors_total": {"type": "integer", "minimum": 0},
            "excluded": {
                "type": "array",
                "items": _open(
                    {"slug": {"type": "string"}, "name": {"type": "string"}, "reasons": _strings()},
                    required=("slug", "name", "reasons"),
                ),
            },
            "excluded_total": {"type": "integer", "minimum": 0},
            "risks": {
                "type": "array",
                "items": _open(
                    {
                        "risk": _codes_or_text(Risk),
                        "level": _codes_or_text(Level),
                        "why": {"type": "string"},
                        "mitigations": _strings(),
                    },
                    required=("risk", "level", "mitigations"),
                ),
            },
            "roadmap": {
                "type": "array",
                "items": _open(
                    {"stage": {"type": "string"}, "actions": _strings()},
                    required=("stage", "actions"),
                ),
            },
            "sla_metrics": {
                "type": "array",
                "items": _open(
                    {
                        "metric": {"type": "string"},
                        "function": {"type": "string"},
                        "target": {"type": "string"},
                        "basis": {"type": "string"},
                    },
                    required=("metric", "target"),
                ),
            },
            "due_diligence": {
                "type": "array",
                "items": _open(
                    {
                        "slug": {"type": "string"},
                        "vendor": {"type": "string"},
                        "questions": {
                            "type": "array",
                            "items": _open(
                                {
                                    "attribute": {"type": "string"},
                                    "question": {"type": "string"},
                                    "decisive": {"type": "boolean"},
                                },
                                required=("attribute", "question"),
                            ),
                        },
                    },
                    required=("slug", "questions"),
                ),
            },
            "weights": {"type": "object", "additionalProperties": number},
            "weight_points": {"type": "object", "additionalProperties": number},
            "robustness": {
                "type": ["object", "null"],
                "properties": {
                    "samples": {"type": "integer"},
                    "acceptability": {"type": "array", "items": {"type": "object"}},
                    "weight_stability": {"type": "array", "items": {"type": "object"}},
                    "decisive_unknowns": {"type": "array", "items": {"type": "object"}},
                },
            },
        },
        required=(
            "schema_version",
            "engine_version",
            "recommendation",
            "vendors",
            "risks",
            "roadmap",
            "sla_metrics",
        ),
    )
    schema["title"] = "Result"
    return schema
