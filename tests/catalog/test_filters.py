import pytest

from catalog.filters import VendorFilter
from catalog.models import Vendor
from tests.factories import VendorFactory

pytestmark = pytest.mark.django_db


def _names(params):
    f = VendorFilter(params, queryset=Vendor.objects.public())
    assert f.is_valid(), f.errors
    return sorted(v.name for v in f.qs)


@pytest.fixture
def vendors(taxonomy):
    return {
        "a": VendorFactory(
            name="Alpha Contact",
            services=["customer_service"],
            industries=["healthcare"],
            certifications=["iso_27001"],
            languages=["id", "en"],
            coverage="24_7",
            delivery_countries=["ID", "MY"],
            long_description="Bilingual helpdesk for hospitals",
        ),
        "b": VendorFactory(
            name="Beta Legal",
            services=["contract_drafting"],
            languages=["en"],
            coverage="business_hours",
            delivery_countries=["IN"],
            founded_year=1999,
        ),
        "c": VendorFactory(
            name="Gamma Books",
            services=["bookkeeping", "payroll"],
            certifications=["iso_9001"],
            delivery_countries=["ID"],
            founded_year=2010,
        ),
    }


def test_filter_by_service(vendors):
    assert _names({"service": "payroll"}) == ["Gamma Books"]


def test_filter_by_function_includes_child_functions(vendors):
    assert _names({"function": "kpo"}) == ["Beta Legal"]
    assert _names({"function": "lpo"}) == ["Beta Legal"]
    assert _names({"function": "back_office"}) == ["Gamma Books"]


def test_filter_by_industry_certification_language_coverage(vendors):
    assert _names({"industry": "healthcare"}) == ["Alpha Contact"]
    assert _names({"certification": "iso_9001"}) == ["Gamma Books"]
    assert _names({"language": "en"}) == ["Alpha Contact", "Beta Legal"]
    assert _names({"coverage": "24_7"}) == ["Alpha Contact"]


def test_filter_by_delivery_country(vendors):
    assert _names({"country": "MY"}) == ["Alpha Contact"]
    assert _names({"country": "ID"}) == ["Alpha Contact", "Gamma Books"]
    assert _names({"country": "IN"}) == ["Beta Legal"]


def test_free_text_searches_names_and_descriptions(vendors):
    assert _names({"q": "hospitals"}) == ["Alpha Contact"]
    assert _names({"q": "gamma"}) == ["Gamma Books"]


def test_filters_combine(vendors):
    assert _names({"language": "en", "coverage": "business_hours"}) == ["Beta Legal"]


def test_sorting(vendors):
    f = VendorFilter({"sort": "-founded"}, queryset=Vendor.objects.public())
    assert [v.name for v in f.qs][:2] == ["Gamma Books", "Beta Legal"]
    f = VendorFilter({"sort": "-name"}, queryset=Vendor.objects.public())
    assert [v.name for v in f.qs] == ["Gamma Books", "Beta Legal", "Alpha Contact"]


def test_unknown_slug_is_a_field_error(vendors):
    f = VendorFilter({"service": "teleportation"}, queryset=Vendor.objects.public())
    assert not f.is_valid()
    assert "service" in f.errors


def _options(client, field: str) -> list[str]:
    import re

    page = client.get("/en/catalog/").content.decode()
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', page, re.S)
    return [v for v in re.findall(r'<option value="([^"]*)"', select.group(1)) if v]


def test_the_filters_offer_only_what_occurs_in_the_catalog(client, vendors):
    assert _options(client, "country") == ["IN", "ID", "MY"]  # by name: India, Indonesia, ...
    assert sorted(_options(client, "service")) == [
        "bookkeeping",
        "contract_drafting",
        "customer_service",
        "payroll",
    ]
    assert sorted(_options(client, "certification")) == ["iso_27001", "iso_9001"]
    assert "24_7" in _options(client, "coverage") and "extended" not in _options(client, "coverage")
    # A parent function is offered when a child's service occurs (LPO under KPO).
    functions = _options(client, "function")
    assert "lpo" in functions and "kpo" in functions

    # A new vendor's values appear at once: the menus follow the catalog version.
    VendorFactory(name="Delta", services=["telemarketing"], delivery_countries=["PH"])
    assert "PH" in _options(client, "country")
    assert "telemarketing" in _options(client, "service")


def test_a_shared_link_with_a_code_no_vendor_has_lists_nobody_and_an_unknown_code_is_named(
    client, vendors
):
    response = client.get("/en/catalog/", {"country": "DE"})  # a real code, not offered
    page = response.content.decode()
    assert response.status_code == 200
    assert "No vendor matches these filters" in page and "invalid-feedback" not in page
    unknown = client.get("/en/catalog/", {"service": "no_such_service"}).content.decode()
    assert "invalid-feedback" in unknown and "No vendor matches these filters" in unknown
