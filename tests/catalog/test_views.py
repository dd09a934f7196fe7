import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import VendorFactory

pytestmark = pytest.mark.django_db


def _url(name, lang, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def test_unprefixed_catalog_redirects_to_indonesian(client, starting_catalog):
    response = client.get("/catalog/")
    assert response.status_code == 302
    assert response["Location"] == "/id/catalog/"


def test_catalog_lists_the_starting_vendors(client, starting_catalog):
    response = client.get(_url("catalog:vendor-list", "id"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Smart BPO Indonesia" in body and "TDCX" in body
    assert "10 vendor" in body
    assert '<html lang="id">' in body


def test_catalog_filters_are_kept_in_the_url(client, starting_catalog):
    response = client.get(_url("catalog:vendor-list", "en"), {"service": "staffing"})
    body = response.content.decode()
    assert "MyRobin" in body and "GOS Indoraya" in body
    assert "TDCX" not in body
    assert "2 vendors" in body


def test_a_bad_filter_value_shows_a_field_error_not_a_500(client, starting_catalog):
    response = client.get(_url("catalog:vendor-list", "en"), {"service": "nope"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_synthetic_vendors_stay_out_unless_asked_for(client, taxonomy):
    VendorFactory(name="Real One")
    VendorFactory(name="Fake One", is_synthetic=True)
    url = _url("catalog:vendor-list", "en")
    assert "Fake One" not in client.get(url).content.decode()
    assert "Fake One" in client.get(url, {"synthetic": "1"}).content.decode()


def test_pagination_keeps_filters(client, taxonomy):
    for i in range(25):
        VendorFactory(name=f"Vendor {i:02d}", services=["payroll"])
    response = client.get(_url("catalog:vendor-list", "en"), {"service": "payroll"})
    body = response.content.decode()
    assert "Page 1 of 2" in body
    assert "?service=payroll&amp;page=2" in body


def test_vendor_page_shows_unknowns_as_not_verified_in_indonesian(client, starting_catalog):
    response = client.get(_url("catalog:vendor-detail", "id", slug="smart-bpo-indonesia"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Smart BPO Indonesia" in body
    assert "Telecollection (penagihan via telepon)" in body
    assert "belum diverifikasi" in body


def test_vendor_page_in_english(client, starting_catalog):
    response = client.get(_url("catalog:vendor-detail", "en", slug="kpsg-group"))
    body = response.content.decode()
    assert "Cloud-based BPO" in body
    assert "not verified" in body
    assert "Payroll" in body


def test_verified_none_is_not_shown_as_unknown(client, taxonomy):
    VendorFactory(slug="clean", certifications_verified=True)
    body = client.get(_url("catalog:vendor-detail", "en", slug="clean")).content.decode()
    assert "none (verified)" in body


def test_unknown_vendor_is_404(client, taxonomy):
    assert client.get(_url("catalog:vendor-detail", "en", slug="ghost")).status_code == 404


def test_inactive_vendor_is_404(client, taxonomy):
    VendorFactory(slug="gone", is_active=False)
    assert client.get(_url("catalog:vendor-detail", "en", slug="gone")).status_code == 404


def test_script_in_a_description_is_shown_as_text(client, taxonomy):
    VendorFactory(
        slug="evil",
        name="<b>Evil</b>",
        short_description="<script>alert('x')</script>",
        long_description="<img src=x onerror=alert(1)>",
    )
    for url in (
        _url("catalog:vendor-detail", "en", slug="evil"),
        _url("catalog:vendor-list", "en"),
    ):
        body = client.get(url).content.decode()
        assert "<script>alert(" not in body
        assert "<b>Evil</b>" not in body
        assert "&lt;b&gt;Evil&lt;/b&gt;" in body
    detail = client.get(_url("catalog:vendor-detail", "en", slug="evil")).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in detail
    assert "<img src=x" not in detail


def test_pages_send_a_content_security_policy_without_inline_script(client, starting_catalog):
    response = client.get(_url("catalog:vendor-list", "en"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()


def test_language_switch_links_to_the_same_page_in_the_other_language(client, starting_catalog):
    body = client.get(_url("catalog:vendor-detail", "id", slug="tdcx")).content.decode()
    assert 'href="/en/catalog/tdcx/"' in body


def _make_vendors(n):
    for i in range(n):
        VendorFactory(
            name=f"V{i:04d}",
            services=["customer_service", "payroll"],
            certifications=["iso_27001"],
            languages=["id"],
            industries=["healthcare"],
        )


@pytest.mark.parametrize("count", [5, 500])
def test_catalog_list_queries_stay_flat(client, taxonomy, django_assert_max_num_queries, count):
    _make_vendors(count)
    url = _url("catalog:vendor-list", "en")
    client.get(url)  # what occurs in the catalog is worked out once per catalog version
    with django_assert_max_num_queries(12):  # 5 fill the filter menus, 1 checks the version
        response = client.get(url, {"service": "customer_service"})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 500])
def test_vendor_page_queries_stay_flat(client, taxonomy, django_assert_max_num_queries, count):
    _make_vendors(count)
    VendorFactory(slug="target", services=["payroll"], certifications=["soc_2"])
    url = _url("catalog:vendor-detail", "en", slug="target")
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200


def test_an_unprefixed_page_follows_the_browser_and_defaults_to_indonesian(
    client, starting_catalog
):
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert english["Location"] == "/en/"
    assert client.get("/catalog/", HTTP_ACCEPT_LANGUAGE="en-GB")["Location"] == "/en/catalog/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="id-ID,id;q=0.9")["Location"] == "/id/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/id/"  # not ours
    assert client.get("/")["Location"] == "/id/"
    # A prefixed page keeps its language whatever the browser prefers.
    page = client.get("/id/catalog/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert '<html lang="id">' in page
