"""Kept page bodies (bpo_advisor/pagecache.py): the catalog and results pages render once
per change, every visitor still gets their own CSRF token, and a change shows at once."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from assessment import services
from bpo_advisor.pagecache import CSRF_PLACEHOLDER
from catalog.models import Vendor
from tests.factories import VendorFactory, base_answers

pytestmark = pytest.mark.django_db


def _token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_a_kept_results_page_gives_each_visitor_a_working_token(starting_catalog):
    saved = services.assessment_create(data=base_answers(), language="en")
    url = f"/en/assess/r/{saved.token}/"
    first = Client(enforce_csrf_checks=True)
    first.get(url)  # renders and keeps the body
    second = Client(enforce_csrf_checks=True)
    page = second.get(url).content.decode()
    assert CSRF_PLACEHOLDER not in page
    slugs = [v["slug"] for v in saved.result["vendors"][:2]]
    response = second.post(
        f"/en/assess/r/{saved.token}/shortlist/",
        {"vendors": slugs, "csrfmiddlewaretoken": _token(page)},
    )
    assert response.status_code == 302  # accepted: the token was the visitor's own
    saved.refresh_from_db()
    assert saved.shortlist == slugs
    # The new shortlist shows at once: the shortlist is part of the key.
    again = second.get(url).content.decode()
    assert all(f'value="{s}" id="pick-{s}" checked' in again for s in slugs)


def test_a_kept_results_page_costs_one_query(starting_catalog, django_assert_max_num_queries):
    saved = services.assessment_create(data=base_answers(), language="en")
    client = Client()
    client.get(f"/en/assess/r/{saved.token}/")
    with django_assert_max_num_queries(1):  # the assessment, with the catalog stamp
        response = client.get(f"/en/assess/r/{saved.token}/")
    assert "Vendors ranked for you" in response.content.decode()


def test_the_kept_catalog_page_follows_the_catalog(client, starting_catalog):
    assert "Brand New Vendor" not in client.get("/en/catalog/").content.decode()
    VendorFactory(name="Brand New Vendor", services=["customer_service"])
    assert "Brand New Vendor" in client.get("/en/catalog/").content.decode()
    vendor = Vendor.objects.get(name="Brand New Vendor")
    vendor.name = "Renamed Vendor"
    vendor.save()
    page = client.get("/en/catalog/").content.decode()
    assert "Renamed Vendor" in page and "Brand New Vendor" not in page


def test_kept_pages_differ_by_language_and_query(client, starting_catalog):
    indonesian = client.get("/id/catalog/").content.decode()
    english = client.get("/en/catalog/").content.decode()
    assert "Terapkan filter" in indonesian and "Apply filters" in english
    filtered = client.get("/en/catalog/", {"service": "telecollection"}).content.decode()
    assert filtered.count('class="card mb-3 vendor-card"') == 1


def test_a_kept_results_page_still_shows_a_waiting_message_once(starting_catalog):
    """The whole page is kept with its layout, but never for a visitor with a one-time
    message waiting: the message shows, once, and the kept page never carries it."""
    saved = services.assessment_create(data=base_answers(), language="en")
    url = f"/en/assess/r/{saved.token}/"
    client = Client()
    client.get(url)  # the whole page is kept now
    # An invalid shortlist (one unknown vendor) redirects back with an error message.
    response = client.post(f"{url}shortlist/", {"vendors": ["no-such-vendor"]}, follow=True)
    page = response.content.decode()
    assert 'class="alert alert-danger"' in page and "no-such-vendor" in page
    again = client.get(url).content.decode()
    assert 'class="alert alert-danger"' not in again  # shown once, then gone
    other = Client().get(url).content.decode()
    assert 'class="alert alert-danger"' not in other and "no-such-vendor" not in other
