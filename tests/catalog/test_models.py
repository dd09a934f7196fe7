import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from catalog.models import Vendor
from catalog.presenters import KNOWN, NONE, UNKNOWN, vendor_facts
from tests.factories import VendorFactory

pytestmark = pytest.mark.django_db


def _fact(vendor, label):
    return next(f for f in vendor_facts(vendor) if f.label == label)


def test_unverified_empty_certifications_are_unknown_not_none(taxonomy, english):
    vendor = VendorFactory(certifications_verified=False)
    assert _fact(vendor, "Certifications").state == UNKNOWN


def test_verified_empty_certifications_mean_none(taxonomy, english):
    vendor = VendorFactory(certifications_verified=True)
    assert _fact(vendor, "Certifications").state == NONE


def test_listed_but_unverified_certifications_are_known_with_a_note(taxonomy, english):
    vendor = VendorFactory(certifications=["iso_27001"], certifications_verified=False)
    fact = _fact(vendor, "Certifications")
    assert fact.state == KNOWN
    assert fact.values == ("ISO/IEC 27001 (information security)",)
    assert "not verified" in fact.note


def test_missing_scalars_are_unknown(taxonomy, english):
    vendor = VendorFactory()
    for label in (
        "Website",
        "Headquarters",
        "Coverage hours",
        "Size",
        "Founded",
        "Minimum contract",
    ):
        assert _fact(vendor, label).state == UNKNOWN, label


def test_price_range_is_rendered_in_rupiah(taxonomy, english):
    vendor = VendorFactory(price_min_idr=6_000_000, price_max_idr=9_500_000)
    fact = _fact(vendor, "Indicative price per full-time agent per month")
    assert fact.values == ("Rp 6,000,000 – Rp 9,500,000",)


def test_inverted_price_range_fails_validation(taxonomy):
    vendor = VendorFactory.build(price_min_idr=9, price_max_idr=5)
    with pytest.raises(ValidationError) as err:
        vendor.full_clean(exclude=["services"])
    assert "price_max_idr" in err.value.message_dict


def test_inverted_price_range_is_refused_by_the_database(taxonomy):
    vendor = VendorFactory()
    vendor.price_min_idr, vendor.price_max_idr = 9, 5
    with pytest.raises(IntegrityError), transaction.atomic():
        vendor.save()


def test_public_hides_inactive_and_synthetic_vendors(taxonomy):
    shown = VendorFactory()
    VendorFactory(is_active=False)
    synthetic = VendorFactory(is_synthetic=True)
    assert list(Vendor.objects.public()) == [shown]
    assert set(Vendor.objects.public(include_synthetic=True)) == {shown, synthetic}
