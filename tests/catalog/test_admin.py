import io
import re

import pytest
import tablib
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from catalog.curators import GROUP_NAME
from catalog.models import Vendor
from catalog.resources import VendorResource
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADERS = [
    "slug",
    "name",
    "services",
    "certifications",
    "certifications_verified",
    "delivery_countries",
    "coverage",
    "price_min_idr",
    "price_max_idr",
]


def _admin(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def test_migration_creates_the_curators_group_with_catalog_rights_only():
    group = Group.objects.get(name=GROUP_NAME)
    labels = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert labels == {"catalog"}
    assert group.permissions.filter(codename="change_vendor").exists()
    assert group.permissions.count() == 24


def test_anonymous_is_sent_to_login(client):
    response = client.get(_admin("admin:catalog_vendor_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_curator_can_curate_vendors(client, curator, starting_catalog):
    client.force_login(curator)
    response = client.get(_admin("admin:catalog_vendor_changelist"))
    assert response.status_code == 200
    assert "Smart BPO Indonesia" in response.content.decode()
    assert client.get(_admin("admin:catalog_vendor_add")).status_code == 200


def test_curator_cannot_touch_users_or_groups(client, curator):
    client.force_login(curator)
    assert client.get(_admin("admin:auth_user_changelist")).status_code == 403
    assert client.get(_admin("admin:auth_group_changelist")).status_code == 403


def test_staff_without_the_group_cannot_see_vendors(client, db):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(_admin("admin:catalog_vendor_changelist")).status_code == 403


def test_superuser_sees_everything(client, superuser):
    client.force_login(superuser)
    assert client.get(_admin("admin:auth_user_changelist")).status_code == 200
    assert client.get(_admin("admin:catalog_vendor_changelist")).status_code == 200


def test_curator_adds_a_vendor_through_the_form(client, curator, taxonomy):
    client.force_login(curator)
    response = client.post(
        _admin("admin:catalog_vendor_add"),
        {
            "name": "Nusa Contact",
            "slug": "nusa-contact",
            "services": ["1"],
            "delivery_countries": ["ID"],
            "is_active": "on",
            "coverage": "24_7",
            "price_min_idr": "5000000",
            "price_max_idr": "4000000",
        },
    )
    assert response.status_code == 200  # form redisplayed with the error
    assert "must not be below the lower price" in response.content.decode()
    assert not Vendor.objects.filter(slug="nusa-contact").exists()


def test_activate_deactivate_and_verify_actions(client, curator, starting_catalog):
    client.force_login(curator)
    url = _admin("admin:catalog_vendor_changelist")
    pks = list(Vendor.objects.filter(slug__in=["tdcx", "myrobin"]).values_list("pk", flat=True))
    client.post(url, {"action": "deactivate", "_selected_action": pks})
    assert Vendor.objects.filter(pk__in=pks, is_active=False).count() == 2
    client.post(url, {"action": "activate", "_selected_action": pks})
    assert Vendor.objects.filter(pk__in=pks, is_active=True).count() == 2
    client.post(url, {"action": "mark_verified", "_selected_action": pks})
    assert Vendor.objects.filter(pk__in=pks, last_verified_at__isnull=False).count() == 2


def _dataset(rows):
    return tablib.Dataset(*rows, headers=HEADERS)


def test_import_of_a_good_file_creates_and_updates(taxonomy):
    data = _dataset(
        [
            [
                "alpha",
                "Alpha",
                "customer_service,payroll",
                "iso_27001",
                "1",
                "ID,MY",
                "24_7",
                "",
                "",
            ],
            ["beta", "Beta", "contract_drafting", "", "1", "IN", "", "5000000", "8000000"],
        ]
    )
    result = VendorResource().import_data(data, dry_run=False, rollback_on_validation_errors=True)
    assert not result.has_errors() and not result.has_validation_errors()
    alpha = Vendor.objects.get(slug="alpha")
    assert {s.slug for s in alpha.services.all()} == {"customer_service", "payroll"}
    assert [c.code for c in alpha.delivery_countries] == ["ID", "MY"]
    beta = Vendor.objects.get(slug="beta")
    assert beta.certifications_verified and not beta.certifications.exists()
    assert beta.price_max_idr == 8_000_000


def test_import_of_a_bad_file_names_rows_and_imports_nothing(taxonomy):
    data = _dataset(
        [
            ["good", "Good", "customer_service", "", "0", "ID", "", "", ""],
            ["bad-slug", "Bad", "teleportation", "", "0", "ID", "", "", ""],
            ["bad-country", "Bad", "payroll", "", "0", "XX", "", "", ""],
            ["bad-choice", "Bad", "payroll", "", "0", "ID", "always", "9", "1"],
        ]
    )
    result = VendorResource().import_data(data, dry_run=False, rollback_on_validation_errors=True)
    assert result.has_validation_errors()
    invalid = {row.number: row.error_dict for row in result.invalid_rows}
    assert set(invalid) == {2, 3, 4}
    assert "teleportation" in str(invalid[2]["services"])
    assert "XX" in str(invalid[3]["delivery_countries"])
    assert "coverage" in invalid[4] and "price_max_idr" in invalid[4]
    assert not Vendor.objects.exists()


def test_admin_import_shows_row_errors_and_saves_nothing(client, curator, taxonomy):
    client.force_login(curator)
    csv = "slug,name,services\nok,OK,payroll\nbroken,Broken,warp_drive\n"
    upload = io.BytesIO(csv.encode())
    upload.name = "vendors.csv"
    response = client.post(
        _admin("admin:catalog_vendor_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "warp_drive" in body
    assert re.search(r"<td>2\s*</td>\s*<td class=\"errors\">", body)
    assert "unknown slug(s): warp_drive" in body
    assert "Confirm import" not in body
    assert not Vendor.objects.exists()


def test_admin_export_returns_the_catalog_as_csv(client, curator, starting_catalog):
    client.force_login(curator)
    response = client.post(
        _admin("admin:catalog_vendor_export"),
        {"format": "0", "resource": "0", **{f"vendorresource_{f}": "on" for f in HEADERS}},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "smart-bpo-indonesia" in text
    assert "customer_service,telecollection,telemarketing" in text


def test_curators_cannot_see_saved_assessments(client, curator, superuser):
    client.force_login(curator)
    assert client.get("/en/admin/assessment/assessment/").status_code == 403
    client.force_login(superuser)
    assert client.get("/en/admin/assessment/assessment/").status_code == 200
