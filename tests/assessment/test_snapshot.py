"""The catalog snapshot: built once per catalog version, rebuilt after any catalog write, and
one cheap read per request to know which. (Across processes: tests/test_production_server.py.)
"""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from assessment import services
from catalog import services as catalog_services
from catalog.models import Industry, Service, Vendor
from tests.factories import base_answers

pytestmark = pytest.mark.django_db


def slugs(snapshot) -> set[str]:
    return {record.slug for record in snapshot.catalog.records}


def test_the_snapshot_is_reused_until_the_catalog_changes(
    starting_catalog, django_assert_num_queries
):
    first = services.catalog_snapshot()
    with django_assert_num_queries(1):  # the stamp, nothing else
        assert services.catalog_snapshot() is first
    vendor = Vendor.objects.get(slug="transcosmos-indonesia")
    vendor.name = "Transcosmos Renamed"
    vendor.save()
    second = services.catalog_snapshot()
    assert second is not first
    names = {r.slug: r.name for r in second.catalog.records}
    assert names["transcosmos-indonesia"] == "Transcosmos Renamed"


def _deactivate(vendor):
    catalog_services.vendors_set_active(vendors=Vendor.objects.filter(pk=vendor.pk), active=False)


def _drop_service(vendor):
    vendor.services.remove(*vendor.services.all())


def _verify(vendor):
    catalog_services.vendors_mark_verified(
        vendors=Vendor.objects.filter(pk=vendor.pk), source="call with the vendor"
    )


def _delete(vendor):
    vendor.delete()


def _seed_demo(vendor):
    call_command("seed_demo", vendors=3, verbosity=0)


def _load_fixture_again(vendor):
    vendor.name = "Changed before the fixture"
    vendor.save()
    call_command("loaddata", "vendors", verbosity=0)


def _rename_service(vendor):
    service = Service.objects.get(slug="customer_service")
    service.name_en = "Customer care (renamed)"
    service.save()


def _add_industry(vendor):
    Industry.objects.create(slug="space_mining", name_en="Space mining", name_id="Tambang angkasa")


WRITES = {
    "deactivate": (_deactivate, lambda s, v: v.slug not in slugs(s)),
    "relation removed": (
        _drop_service,
        lambda s, v: next(r for r in s.catalog.records if r.slug == v.slug).services == frozenset(),
    ),
    # The engine reads no verification date: only the stamp changes.
    "verification": (_verify, lambda s, v: True),
    "delete": (_delete, lambda s, v: v.slug not in slugs(s)),
    "seed_demo": (_seed_demo, lambda s, v: True),  # synthetic vendors: hidden, stamp changed
    "loaddata": (
        _load_fixture_again,
        lambda s, v: (
            next(r for r in s.catalog.records if r.slug == v.slug).name
            != ("Changed before the fixture")
        ),
    ),
    "taxonomy renamed": (
        _rename_service,
        lambda s, v: (
            dict(s.taxonomy.name("service", "customer_service").names)["en"]
            == "Customer care (renamed)"
        ),
    ),
    "taxonomy added": (_add_industry, lambda s, v: "space_mining" in s.taxonomy.industries),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_kind_of_catalog_write_rebuilds_the_snapshot(starting_catalog, write):
    change, holds = WRITES[write]
    vendor = Vendor.objects.get(slug="transcosmos-indonesia")
    before = services.catalog_snapshot()
    change(vendor)
    after = services.catalog_snapshot()
    assert after is not before and after.key != before.key
    assert holds(after, vendor)


def test_a_submission_costs_the_same_queries_at_10_and_1010_vendors(
    client, starting_catalog, django_assert_max_num_queries
):
    body = json.dumps(base_answers())

    def post():
        response = client.post("/api/assessments/", body, content_type="application/json")
        assert response.status_code == 201

    post()  # the first request builds the snapshot
    with django_assert_max_num_queries(8) as small:
        post()
    queries = len(small)
    call_command("seed_demo", vendors=1000, verbosity=0)
    with catalog_services.catalog_changes():  # made public, so the API ranks them
        Vendor.objects.filter(is_synthetic=True).update(is_synthetic=False)
        catalog_services.catalog_version_bump()
    assert len(services.catalog_snapshot().catalog) == 1010
    post()
    with django_assert_max_num_queries(queries):
        post()


def test_the_build_pauses_the_cycle_collector_and_restores_it(starting_catalog, monkeypatch):
    """The build runs with Python's cycle collector paused (it would otherwise walk the
    growing snapshot again and again), and the collector is back on afterwards, also when
    the build fails."""
    import gc

    seen = []
    real = services.vendor_catalog

    def records(**kwargs):
        seen.append(gc.isenabled())
        return real(**kwargs)

    monkeypatch.setattr(services, "vendor_catalog", records)
    catalog_services.catalog_version_bump()
    assert gc.isenabled()
    services.catalog_snapshot()
    assert seen == [False] and gc.isenabled()

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "vendor_catalog", broken)
    catalog_services.catalog_version_bump()
    with pytest.raises(RuntimeError):
        services.catalog_snapshot()
    assert gc.isenabled()
    # Left off by someone else, it stays off.
    gc.disable()
    try:
        monkeypatch.setattr(services, "vendor_catalog", records)
        catalog_services.catalog_version_bump()
        services.catalog_snapshot()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_snapshot_is_kept_out_of_full_collections(starting_catalog):
    """Built, the snapshot moves to the collector's permanent generation: full collections
    skip it. Replaced, it is freed all the same (nothing piles up frozen)."""
    import gc

    from django.core.management import call_command

    call_command("seed_demo", vendors=300, seed=4, verbosity=0)
    Vendor.objects.update(is_synthetic=False)  # a bulk update: the version is bumped by hand
    catalog_services.catalog_version_bump()
    snapshot = services.catalog_snapshot()
    assert len(snapshot.catalog.records) > 300
    tracked = {id(o) for o in gc.get_objects()}  # the generations a collection walks
    assert id(snapshot.catalog.records) not in tracked
    assert id(snapshot.catalog.records[-1].services) not in tracked
    frozen = gc.get_freeze_count()
    assert frozen > 300
    for _ in range(3):
        catalog_services.catalog_version_bump()
        services.catalog_snapshot()
    assert gc.get_freeze_count() < frozen * 1.1
