"""Engine tests need no database: the taxonomy and vendors come straight from the fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessment.engine import Taxonomy, VendorRecord

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
COUNTRIES = frozenset({"ID", "MY", "SG", "PH", "TH", "VN", "DE", "US", "IN", "AU", "JP", "NL"})


def _rows(name):
    return json.loads((FIXTURES / name).read_text())


def build_taxonomy() -> Taxonomy:
    rows = _rows("taxonomy.json")
    categories = {r["pk"]: r["fields"] for r in rows if r["model"] == "catalog.servicecategory"}
    slug_of = {pk: f["slug"] for pk, f in categories.items()}
    return Taxonomy(
        service_functions={
            r["fields"]["slug"]: slug_of[r["fields"]["function"]]
            for r in rows
            if r["model"] == "catalog.service"
        },
        industries=frozenset(r["fields"]["slug"] for r in rows if r["model"] == "catalog.industry"),
        certifications=frozenset(
            r["fields"]["slug"] for r in rows if r["model"] == "catalog.certification"
        ),
        languages=frozenset(r["fields"]["slug"] for r in rows if r["model"] == "catalog.language"),
        countries=COUNTRIES,
    )


def build_vendors() -> list[VendorRecord]:
    rows = _rows("taxonomy.json")
    service_slug = {r["pk"]: r["fields"]["slug"] for r in rows if r["model"] == "catalog.service"}
    category_slug = {
        r["pk"]: r["fields"]["slug"] for r in rows if r["model"] == "catalog.servicecategory"
    }
    vendors = []
    for r in _rows("vendors.json"):
        f = r["fields"]
        vendors.append(
            VendorRecord(
                slug=f["slug"],
                name=f["name"],
                services=frozenset(service_slug[pk] for pk in f["services"]),
                delivery_countries=tuple(c for c in f["delivery_countries"].split(",") if c),
                work_systems=frozenset(category_slug[pk] for pk in f["work_systems"]),
            )
        )
    return vendors


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return build_taxonomy()


@pytest.fixture(scope="session")
def source_vendors() -> list[VendorRecord]:
    return build_vendors()


def base_answers(**overrides) -> dict:
    answers = {
        "schema_version": 1,
        "organisation": {
            "name": "PT Contoh Niaga",
            "country": "ID",
            "industry": "ecommerce_retail",
            "size": "sme",
        },
        "services": ["customer_service", "order_processing"],
        "work": {
            "process_definition": "predefined",
            "expertise": "basic",
            "customer_contact": "direct",
            "core_to_business": False,
            "driver": "cost",
        },
        "scale": {"fte": 25, "seasonal_peaks": True},
        "priorities": {
            "cost": 5,
            "quality": 3,
            "speed": 4,
            "control": 2,
            "data_security": 3,
            "flexibility": 4,
            "communication": 4,
        },
        "constraints": {
            "data_sensitivity": "internal",
            "languages": ["id"],
            "coverage": "24_7",
            "location": "any",
            "monthly_budget_idr": 250000000,
            "start_within_weeks": 6,
            "vendor_strategy": "no_preference",
            "ownership": "outsource",
            "customization": "standard",
            "remote_delivery_ok": True,
            "required_certifications": [],
        },
    }
    for path, value in overrides.items():
        node = answers
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return answers
