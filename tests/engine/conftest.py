"""Engine tests need no database: the taxonomy and vendors come straight from the fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessment.engine import Taxonomy, VendorRecord
from assessment.engine.text import name

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
COUNTRIES = frozenset(
    {"ID", "MY", "SG", "PH", "TH", "VN", "DE", "US", "IN", "AU", "JP", "NL", "KR", "CN"}
)


KINDS = {
    "catalog.service": "service",
    "catalog.industry": "industry",
    "catalog.certification": "certification",
    "catalog.language": "language",
}
COUNTRY_NAMES = {
    "ID": "Indonesia",
    "MY": "Malaysia",
    "SG": "Singapore",
    "PH": "Philippines",
    "TH": "Thailand",
    "VN": "Vietnam",
    "DE": "Germany",
    "US": "United States",
    "IN": "India",
    "AU": "Australia",
    "JP": "Japan",
    "NL": "Netherlands",
    "KR": "South Korea",
    "CN": "China",
}


def _rows(name):
    return json.loads((FIXTURES / name).read_text())


def build_taxonomy() -> Taxonomy:
    rows = _rows("taxonomy.json")
    categories = {r["pk"]: r["fields"] for r in rows if r["model"] == "catalog.servicecategory"}
    slug_of = {pk: f["slug"] for pk, f in categories.items()}
    functions = sorted(
        (f for f in categories.values() if f["dimension"] == "function"),
        key=lambda f: f["position"],
    )
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
        function_families={f["slug"]: f["family"] for f in functions},
        function_order=tuple(f["slug"] for f in functions),
        names={
            **{
                (KINDS[r["model"]], r["fields"]["slug"]): name(
                    id=r["fields"]["name_id"], en=r["fields"]["name_en"]
                )
                for r in rows
                if r["model"] in KINDS
            },
            **{
                ("country", code): name(en=label, id=label) for code, label in COUNTRY_NAMES.items()
            },
        },
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
