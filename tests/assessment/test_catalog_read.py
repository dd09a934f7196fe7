"""The catalog as the engine reads it (services.vendor_catalog) against the read it replaced.

The oracle below is the former read, kept here: every vendor's record built up front from
its row and its links (joined to their slugs), expired certificates and stale facts made
unknown, then ``Catalog(records)`` laid out from the records. The columns read straight
from the link tables must give the same columns, cell for cell, and the same record for
every vendor, built only when asked for.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

import numpy as np
import pytest
from django.core.management import call_command
from django.utils import timezone

from assessment import services
from assessment.engine import Catalog, VendorRecord, recommend
from assessment.engine.catalog import LISTED, VERIFIED
from catalog import selectors as catalog_selectors
from catalog import services as catalog_services
from catalog.models import CertificationEvidence, FactCheck, Vendor
from tests.factories import VendorFactory, base_answers

pytestmark = pytest.mark.django_db


def _former_links(relation: str) -> dict[int, frozenset[str]]:
    field = Vendor._meta.get_field(relation)
    through = field.remote_field.through
    target = field.m2m_reverse_field_name()
    grouped: dict[int, list[str]] = defaultdict(list)
    for vendor_id, slug in through.objects.values_list(field.m2m_column_name(), f"{target}__slug"):
        grouped[vendor_id].append(slug)
    return {vendor_id: frozenset(values) for vendor_id, values in grouped.items()}


def former_records(*, include_synthetic: bool = False) -> list[VendorRecord]:
    """The former read: one record per vendor, up front."""
    fields = services._VENDOR_FIELDS
    vendors = Vendor.objects.public(include_synthetic=include_synthetic)
    links = {relation: _former_links(relation) for relation in services.LINKED}
    expired, stale = catalog_selectors.facts_in_doubt(vendors.values("pk"), timezone.localdate())
    records = []
    for values in vendors.values_list(*fields):
        row = dict(zip(fields, values, strict=True))
        pk = row["pk"]
        if pk in expired or pk in stale:
            row["delivery_countries"] = list(services._countries(row["delivery_countries"]))
            row["data_locations"] = list(services._countries(row["data_locations"]))
            services._doubt(row, links, pk, expired.get(pk, set()), stale.get(pk, set()))
        records.append(
            VendorRecord(
                slug=row["slug"],
                name=row["name"],
                **{relation: links[relation].get(pk, frozenset()) for relation in LISTED},
                **{f"{a}_verified": row[f"{a}_verified"] for a in VERIFIED},
                delivery_countries=services._countries(row["delivery_countries"]),
                data_locations=services._countries(row["data_locations"]),
                coverage=row["coverage"] or None,
                size_band=row["size_band"] or None,
                price_min_idr=row["price_min_idr"],
                price_max_idr=row["price_max_idr"],
                legal_known=frozenset(
                    fact for fact in services._LEGAL_FACTS if row[fact] not in (None, "")
                ),
            )
        )
    return records


def assert_same_columns(read: Catalog, former: Catalog) -> None:
    assert len(read) == len(former)
    for attribute in LISTED:
        assert read.listed[attribute].index == former.listed[attribute].index, attribute
        assert np.array_equal(read.listed[attribute].matrix, former.listed[attribute].matrix)
    for listed in ("countries", "data_locations"):
        assert getattr(read, listed).index == getattr(former, listed).index
        assert np.array_equal(getattr(read, listed).matrix, getattr(former, listed).matrix)
    for attribute in VERIFIED:
        assert np.array_equal(read.verified[attribute], former.verified[attribute]), attribute
    for column in ("country_count", "coverage", "size_band", "name_order"):
        assert np.array_equal(getattr(read, column), getattr(former, column)), column
    for column in ("price_min", "price_max"):
        assert np.array_equal(getattr(read, column), getattr(former, column), equal_nan=True)
    assert dict(read.by_slug) == dict(former.by_slug)


@pytest.fixture
def doubted_catalog(starting_catalog):
    """The starting catalog, 300 synthetic vendors (public, and left synthetic), and vendors
    whose facts are in doubt in every way the advisor knows: an expired certificate beside
    a current one, and each kind of stale fact."""
    call_command("seed_demo", vendors=300, seed=5, verbosity=0)
    with catalog_services.catalog_changes():
        Vendor.objects.filter(
            is_synthetic=True, pk__lt=Vendor.objects.order_by("-pk")[150].pk
        ).update(is_synthetic=False)
        catalog_services.catalog_version_bump()
    today = timezone.localdate()
    lapsed = VendorFactory(
        name="Lapsed Certs",
        slug="lapsed-certs",
        certifications=["iso_27001", "iso_9001"],
        certifications_verified=True,
    )
    for slug, expires in (("iso_27001", today - timedelta(days=1)), ("iso_9001", None)):
        CertificationEvidence.objects.create(
            vendor=lapsed,
            certification=lapsed.certifications.get(slug=slug),
            number=f"N-{slug}",
            expires_on=expires,
        )
    stale = VendorFactory(
        name="Stale Everything",
        slug="stale-everything",
        services=["customer_service", "order_processing"],
        languages=["id", "en"],
        languages_verified=True,
        industries=["banking"],
        delivery_countries=["ID", "MY"],
        delivery_countries_verified=True,
        coverage="24_7",
        size_band="large",
        price_min_idr=5_000_000,
        nib="1234567890123",
    )
    for fact in ("languages", "industries", "delivery_countries", "coverage", "price", "nib"):
        FactCheck.objects.create(
            vendor=stale, fact=fact, source="call", checked_on=today, stale=True
        )
    # The only vendor to list this industry: stale, the value no longer occurs.
    only = VendorFactory(name="Only Mining", slug="only-mining", industries=["mining"])
    FactCheck.objects.create(
        vendor=only, fact="industries", source="x", checked_on=today, stale=True
    )
    catalog_services.catalog_version_bump()


@pytest.mark.parametrize("include_synthetic", [False, True])
def test_the_columns_read_from_the_links_equal_the_former_records(
    doubted_catalog, include_synthetic
):
    read = services.vendor_catalog(include_synthetic=include_synthetic)
    former = former_records(include_synthetic=include_synthetic)
    assert len(read) == len(former) > 160
    assert_same_columns(read, Catalog(former))
    # Every record, built on demand, is the former one.
    assert list(read.records) == former
    # The doubts took effect (the oracle and the read could agree on nothing happening).
    stale = read.by_slug["stale-everything"]
    assert stale.languages == frozenset() and not stale.languages_verified
    assert stale.delivery_countries == () and stale.coverage is None
    assert stale.price_min_idr is None and "nib" not in stale.legal_known
    assert stale.services == {"customer_service", "order_processing"}
    lapsed = read.by_slug["lapsed-certs"]
    assert lapsed.certifications == {"iso_9001"} and not lapsed.certifications_verified
    assert "mining" not in read.listed["industries"].index


def test_an_empty_catalog_reads_as_empty_columns(taxonomy):
    read = services.vendor_catalog()
    assert len(read) == 0 and list(read.records) == []
    assert_same_columns(read, Catalog([]))
    assert recommend(services.validate_answers(base_answers()), services.load_taxonomy(), read)


def test_records_are_built_only_for_the_vendors_a_result_shows(doubted_catalog):
    catalog = services.vendor_catalog()
    result = recommend(
        services.validate_answers(base_answers()), services.load_taxonomy(), catalog
    ).to_data()
    shown = {v["slug"] for v in result["vendors"]} | {v["slug"] for v in result["excluded"]}
    built = {record.slug for record in catalog.records._built.values()}
    assert shown and built == shown
    assert len(built) < len(catalog) / 2


def test_the_records_read_like_a_sequence(doubted_catalog):
    records = services.vendor_catalog().records
    former = former_records()
    assert records[-1] == former[-1] and records[3:6] == former[3:6]
    assert records[np.int64(2)] == former[2]
    with pytest.raises(IndexError):
        records[len(former)]
    assert records[-len(former)] == former[0]
