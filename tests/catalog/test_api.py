"""The catalog as data: GET /api/vendors/, /api/vendors/<slug>/ and /api/taxonomy/."""

from __future__ import annotations

import re

import pytest

from catalog.models import Certification, Industry, Language, Service, Vendor
from catalog.services import vendors_mark_verified
from tests.factories import VendorFactory

pytestmark = pytest.mark.django_db


def _page_slugs(client, query: str) -> list[str]:
    page = client.get(f"/en/catalog/?{query}&page_size=100").content.decode()
    return re.findall(r'<a href="/en/catalog/([a-z0-9-]+)/">', page)


def _api_slugs(client, query: str) -> list[str]:
    response = client.get(f"/api/vendors/?{query}&page_size=100")
    assert response.status_code == 200, response.content
    return [v["slug"] for v in response.json()["results"]]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "service=customer_service",
        "function=front_office",
        "country=ID",
        "q=indonesia",
        "sort=-name",
        "service=data_entry&sort=name",
    ],
)
def test_the_api_lists_what_the_catalog_page_lists_for_the_same_query(
    client, starting_catalog, query
):
    assert _api_slugs(client, query) == _page_slugs(client, query)


def test_pages_links_and_counts(client, starting_catalog):
    first = client.get("/api/vendors/?page_size=4").json()
    assert first["count"] == 10 and first["pages"] == 3 and first["previous"] is None
    assert first["next"].endswith("/api/vendors/?page_size=4&page=2")
    last = client.get("/api/vendors/?page_size=4&page=3").json()
    assert len(last["results"]) == 2 and last["next"] is None
    missing = client.get("/api/vendors/?page_size=4&page=4")
    assert missing.status_code == 404 and missing.json()["errors"]["page"]
    for bad in ("page_size=0", "page_size=101", "page_size=x", "page=0", "service=no_such"):
        response = client.get(f"/api/vendors/?{bad}")
        assert response.status_code == 400 and response.json()["errors"], bad


def test_a_vendor_has_every_attribute_unknowns_as_null_and_its_evidence(client, starting_catalog):
    vendors_mark_verified(
        vendors=Vendor.objects.filter(slug="tdcx"), source="Call with the vendor, 2 Dec 2026"
    )
    data = client.get("/api/vendors/tdcx/").json()
    assert data["evidence"]["source"] == "Call with the vendor, 2 Dec 2026"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["evidence"]["last_verified_at"])
    assert data["price_min_idr"] is None and data["coverage"] is None  # not known: null
    assert data["certifications"] == [] and data["certifications_verified"] is False
    assert data["page_url"].endswith("/catalog/tdcx/")
    for key in ("services", "delivery_countries", "languages", "size_band", "founded_year"):
        assert key in data


def test_synthetic_vendors_stay_hidden_unless_asked_for(client, taxonomy):
    VendorFactory(slug="real-one", name="Real One", services=["payroll"])
    VendorFactory(slug="made-up", name="Made Up", services=["payroll"], is_synthetic=True)
    assert _api_slugs(client, "") == ["real-one"]
    assert sorted(_api_slugs(client, "synthetic=1")) == ["made-up", "real-one"]
    assert client.get("/api/vendors/made-up/").status_code == 404
    assert client.get("/api/vendors/made-up/?synthetic=1").status_code == 200


def test_the_catalog_version_makes_the_etag(client, starting_catalog):
    first = client.get("/api/vendors/")
    etag = first["ETag"]
    assert first["Last-Modified"] and "must-revalidate" in first["Cache-Control"]
    again = client.get("/api/vendors/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    other_query = client.get("/api/vendors/?service=payroll", HTTP_IF_NONE_MATCH=etag)
    assert other_query.status_code == 200  # another resource, another tag
    vendor = Vendor.objects.get(slug="tdcx")
    vendor.name = "TDCX Renamed"
    vendor.save()
    changed = client.get("/api/vendors/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "TDCX Renamed" in changed.content.decode()


@pytest.mark.parametrize("count", [10, 1000])
def test_vendor_list_queries_stay_flat(client, taxonomy, django_assert_max_num_queries, count):
    for i in range(count):
        VendorFactory(slug=f"v{i:04d}", name=f"V{i:04d}", services=["payroll"])
    with django_assert_max_num_queries(14):  # the same at 10 and 1,000: flat
        response = client.get("/api/vendors/?page_size=100&service=payroll")
    assert response.status_code == 200 and len(response.json()["results"]) == min(count, 100)


def test_the_taxonomy_has_every_code_with_both_names(client, taxonomy):
    data = client.get("/api/taxonomy/").json()
    for key, model in (
        ("services", Service),
        ("industries", Industry),
        ("certifications", Certification),
        ("languages", Language),
    ):
        listed = {item["slug"]: item["names"] for item in data[key]}
        assert set(listed) == set(model.objects.values_list("slug", flat=True)), key
        assert all(names["id"] and names["en"] for names in listed.values()), key
    countries = {c["code"]: c["names"] for c in data["countries"]}
    assert countries["DE"] == {"id": "Jerman", "en": "Germany"}
    assert {c["slug"] for c in data["coverage"]} == {"business_hours", "extended", "24_7"}
    services = {s["slug"]: s["function"] for s in data["services"]}
    assert services["customer_service"] in {f["slug"] for f in data["functions"]}
