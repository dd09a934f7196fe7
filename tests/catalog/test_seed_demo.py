import pytest
from django.core.management import CommandError, call_command

from catalog.models import Vendor

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_synthetic_vendors_hidden_from_the_public(starting_catalog):
    call_command("seed_demo", vendors=150, verbosity=0)
    synthetic = Vendor.objects.filter(is_synthetic=True)
    assert synthetic.count() == 150
    assert Vendor.objects.public().count() == 10
    assert all(v.services.exists() for v in synthetic.prefetch_related("services")[:20])
    call_command("seed_demo", vendors=10, verbosity=0)
    assert synthetic.count() == 160
    call_command("seed_demo", vendors=5, clear=True, verbosity=0)
    assert synthetic.count() == 5


def test_seed_demo_needs_the_taxonomy(db):
    with pytest.raises(CommandError):
        call_command("seed_demo", vendors=1, verbosity=0)
