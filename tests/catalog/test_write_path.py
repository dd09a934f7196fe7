"""One write path: every way the catalog is written bumps its version; restarts keep edits."""

from pathlib import Path

import pytest
import tablib
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from catalog.models import Certification, Industry, Service, ServiceCategory, Vendor
from catalog.resources import VendorResource
from catalog.services import catalog_seed_starting, catalog_version
from tests.factories import VENDOR_INLINES

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _admin(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def _bumps(action) -> int:
    before = catalog_version()
    action()
    return catalog_version() - before


def test_admin_form_save_bumps_the_version_and_stamps_the_vendor(client, curator, starting_catalog):
    client.force_login(curator)
    tdcx = Vendor.objects.get(slug="tdcx")
    stamped = tdcx.updated_at
    form = {
        "name": "TDCX",
        "slug": "tdcx",
        "services": [str(s.pk) for s in tdcx.services.all()],
        "delivery_countries": ["ID"],
        "coverage": "24_7",
        "is_active": "on",
        **VENDOR_INLINES,
    }
    url = _admin("admin:catalog_vendor_change", object_id=tdcx.pk)
    assert _bumps(lambda: client.post(url, form)) > 0
    tdcx.refresh_from_db()
    assert tdcx.coverage == "24_7" and tdcx.updated_at > stamped


@pytest.mark.parametrize("action", ["deactivate", "activate", "mark_verified"])
def test_each_admin_action_bumps_the_version(client, curator, starting_catalog, action):
    client.force_login(curator)
    pks = list(Vendor.objects.filter(slug="tdcx").values_list("pk", flat=True))
    url = _admin("admin:catalog_vendor_changelist")
    stamped = Vendor.objects.get(slug="tdcx").updated_at
    form = {"action": action, "_selected_action": pks}
    if action == "mark_verified":
        form |= {"apply": "1", "source": "https://example.com/tdcx", "verified_on": "2026-11-01"}
    assert _bumps(lambda: client.post(url, form)) > 0
    assert Vendor.objects.get(slug="tdcx").updated_at > stamped


def test_import_bumps_the_version_and_a_rejected_file_does_not(taxonomy):
    resource = VendorResource()
    good = tablib.Dataset(["alpha", "Alpha", "payroll"], headers=["slug", "name", "services"])
    bad = tablib.Dataset(["beta", "Beta", "warp_drive"], headers=["slug", "name", "services"])
    assert _bumps(lambda: resource.import_data(bad, dry_run=False)) == 0
    assert _bumps(lambda: resource.import_data(good, dry_run=False)) > 0


def test_seed_demo_bumps_the_version_once(taxonomy):
    assert _bumps(lambda: call_command("seed_demo", vendors=25, verbosity=0)) == 1


def test_loaddata_bumps_the_version(taxonomy):
    assert _bumps(lambda: call_command("loaddata", "vendors", verbosity=0)) > 0


def test_a_relation_change_and_a_taxonomy_edit_bump_the_version(starting_catalog):
    tdcx = Vendor.objects.get(slug="tdcx")
    assert _bumps(lambda: tdcx.certifications.add(Certification.objects.get(slug="iso_27001")))
    assert _bumps(lambda: Industry.objects.filter(slug="other").first().save())
    assert _bumps(lambda: Service.objects.get(slug="payroll").vendors.clear())


def test_restarting_keeps_a_curators_edit(starting_catalog):
    """The start-up steps of scripts/serve.sh, run twice around a curator's edit."""
    assert ".venv/bin/python manage.py prepare" in (ROOT / "scripts/serve.sh").read_text()
    call_command("prepare", verbosity=0)
    tdcx = Vendor.objects.get(slug="tdcx")
    tdcx.coverage = "24_7"
    tdcx.certifications_verified = True
    tdcx.save()
    tdcx.certifications.set([Certification.objects.get(slug="iso_27001")])
    name = ServiceCategory.objects.get(slug="kpo")
    name.name_en = "Knowledge work (curated)"
    name.save()

    call_command("prepare", verbosity=0)

    tdcx.refresh_from_db()
    assert tdcx.coverage == "24_7" and tdcx.certifications_verified
    assert [c.slug for c in tdcx.certifications.all()] == ["iso_27001"]
    assert ServiceCategory.objects.get(slug="kpo").name_en == "Knowledge work (curated)"
    assert Vendor.objects.count() == 10


def test_seeding_an_empty_database_loads_the_starting_catalog(db):
    created = catalog_seed_starting()
    assert created["vendors"] == 10 and created["taxonomy"] > 40
    kpsg = Vendor.objects.get(slug="kpsg-group")
    assert {s.slug for s in kpsg.services.all()} == {"payroll", "bookkeeping", "hr_administration"}
    assert [w.slug for w in kpsg.work_systems.all()] == ["cloud_based"]
    assert ServiceCategory.objects.get(slug="lpo").parent.slug == "kpo"
    assert catalog_seed_starting() == {"taxonomy": 0, "vendors": 0, "rules": 0}


def test_seeding_adds_missing_taxonomy_but_never_vendors_to_a_curated_catalog(starting_catalog):
    Vendor.objects.exclude(slug="tdcx").delete()
    Service.objects.filter(slug="procurement").delete()
    created = catalog_seed_starting()
    assert created == {"taxonomy": 1, "vendors": 0, "rules": 16}  # the shipped rules too
    assert list(Vendor.objects.values_list("slug", flat=True)) == ["tdcx"]


def test_no_product_code_writes_the_catalog_in_bulk_outside_the_write_path():
    """queryset.update and bulk_create skip the signal handlers: only catalog/services.py,
    which bumps the version itself, may use them on catalog tables."""
    import re

    bulk = re.compile(r"\.(update|bulk_create|bulk_update)\(")
    offenders = []
    for app in ("catalog", "assessment", "bpo_advisor"):
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts or (path.name == "services.py" and app == "catalog"):
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if bulk.search(line) and not re.search(r"(attrs|errors|dict)\.update\(", line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []
