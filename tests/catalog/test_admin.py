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
from tests.factories import VENDOR_INLINES, UserFactory

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
    # The catalog, and unlocking a locked-out login (issue 11): nothing else.
    assert labels == {"catalog", "axes"}
    assert group.permissions.filter(codename="change_vendor").exists()
    assert set(
        group.permissions.filter(content_type__app_label="axes").values_list("codename", flat=True)
    ) == {"view_accessattempt", "delete_accessattempt"}
    # Four actions on each of the catalog's eleven models, the right to review
    # submissions, and the two of axes.
    assert group.permissions.count() == 47
    assert group.permissions.filter(codename="review_submission").exists()


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
            **VENDOR_INLINES,
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
    # "Verified" needs a source and a date: the action asks for them first.
    asked = client.post(url, {"action": "mark_verified", "_selected_action": pks})
    assert "Record a verification" in asked.content.decode()
    assert not Vendor.objects.filter(pk__in=pks, last_verified_at__isnull=False).exists()
    future = {"action": "mark_verified", "_selected_action": pks, "apply": "1"}
    refused = client.post(url, {**future, "source": "call", "verified_on": "2999-01-01"})
    assert "cannot be dated in the future" in refused.content.decode()
    done = {**future, "source": "Call with TDCX sales, 2026-11-20", "verified_on": "2026-11-20"}
    client.post(url, done)
    verified = Vendor.objects.filter(pk__in=pks, last_verified_at__isnull=False)
    assert verified.count() == 2
    assert {v.verification_source for v in verified} == {"Call with TDCX sales, 2026-11-20"}


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


def _upload(client, text: str, name="vendors.csv", lang="en", encoding="utf-8"):
    upload = io.BytesIO(text.encode(encoding))
    upload.name = name
    return client.post(f"/{lang}/admin/catalog/vendor/import/", {"import_file": upload})


def test_admin_import_lists_every_problem_in_plain_words_and_saves_nothing(
    client, curator, taxonomy
):
    """Issue 16, item 8: a bad year, an unknown code and a bad choice, all at once, each
    with its spreadsheet row, column and value; nothing saved."""
    client.force_login(curator)
    csv = (
        "slug,name,services,founded_year,coverage\n"
        "ok,OK,payroll,2015,\n"
        "broken,Broken,warp_drive,20x5,always\n"
        "late,Late,payroll,1999,24_7\n"
    )
    response = _upload(client, csv)
    body = response.content.decode()
    assert response.status_code == 200
    rows = re.findall(
        r"<tr><td>(\d+)</td><td><code>(\w+)</code></td><td>([^<]*)</td><td>([^<]*)</td></tr>",
        body,
    )
    assert ("3", "founded_year", "20x5", "must be a whole number, e.g. 2015") in rows
    assert "decimal" not in body and "ConversionSyntax" not in body
    assert not Vendor.objects.exists()
    # With the year fixed, the remaining problems of the row come together.
    response = _upload(client, csv.replace("20x5", "2005"))
    body = response.content.decode()
    rows = re.findall(r"<tr><td>(\d+)</td><td><code>(\w+)</code></td><td>([^<]*)</td>", body)
    assert ("3", "services", "warp_drive") in rows and ("3", "coverage", "always") in rows
    assert "unknown slug(s): warp_drive" in body
    assert "Nothing was saved" in body and "Import now" not in body
    assert not Vendor.objects.exists()


def test_admin_import_reads_a_semicolon_file_in_indonesian_and_imports_on_confirm(
    client, curator, taxonomy
):
    client.force_login(curator)
    csv = (
        "slug;name;services;delivery_countries;is_active\n"
        "alpha;Alpha Nusantara;payroll,data_entry;ID;ya\n"
    )
    response = _upload(client, "\ufeff" + csv, lang="id")
    body = response.content.decode()
    assert "Impor vendor" in body and "Kode yang diizinkan per kolom" in body
    assert 'id="import-ready"' in body and not Vendor.objects.exists()
    stored = re.search(r'name="stored" value="([^"]+)"', body).group(1)
    response = client.post(
        "/id/admin/catalog/vendor/import/", {"stored": stored, "confirm": "Impor sekarang"}
    )
    assert response.status_code == 302
    alpha = Vendor.objects.get(slug="alpha")
    assert alpha.is_active and {s.slug for s in alpha.services.all()} == {"payroll", "data_entry"}


def test_admin_import_offers_a_template_with_the_allowed_codes(client, curator, taxonomy):
    import tablib

    client.force_login(curator)
    response = client.get("/en/admin/catalog/vendor/import/template.xlsx")
    assert response.status_code == 200
    book = tablib.Databook().load(response.content, format="xlsx")
    vendors, codes = book.sheets()
    assert vendors.headers[:3] == ["slug", "name", "short_description"]
    assert "customer_service" in dict(codes)["services"] or any(
        "customer_service" in str(row) for row in codes
    )


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


def test_export_never_hands_a_spreadsheet_a_formula(client, curator, taxonomy):
    from tests.factories import VendorFactory

    VendorFactory(slug="evil", name='=HYPERLINK("http://x.example","x")', short_description="+1")
    client.force_login(curator)
    body = client.get("/en/admin/catalog/vendor/export/").content.decode("utf-8-sig")
    assert "'=HYPERLINK(" in body and ",'+1," in body
    assert ",=HYPERLINK(" not in body
