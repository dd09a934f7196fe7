"""Add synthetic vendors with random but plausible attributes, for benchmarks and load tests.

Synthetic vendors are flagged ``is_synthetic`` and stay out of the public catalog unless
asked for (``/catalog/?synthetic=1``). ``--clear`` removes earlier synthetic vendors first.
"""

from __future__ import annotations

import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from catalog.models import (
    Certification,
    Coverage,
    Dimension,
    Industry,
    Language,
    Service,
    ServiceCategory,
    SizeBand,
    Vendor,
)

DELIVERY_COUNTRIES = ["ID", "ID", "ID", "MY", "SG", "PH", "TH", "VN", "IN", "AU", "DE", "US"]
SYLLABLES = [
    "nusa",
    "tara",
    "sinar",
    "mitra",
    "karya",
    "data",
    "prima",
    "global",
    "solusi",
    "jaya",
    "cipta",
    "link",
    "nexa",
    "teknik",
    "bina",
    "sentra",
    "arta",
    "laju",
]
SUFFIXES = ["BPO", "Services", "Solutions", "Outsourcing", "Contact", "Digital", "Group"]
BATCH = 1000


def _name(rng: random.Random, index: int) -> str:
    stem = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    return f"{stem} {rng.choice(SUFFIXES)} {index}"


class Command(BaseCommand):
    help = "Add N synthetic vendors (flagged synthetic, hidden from the public catalog)."

    def add_arguments(self, parser):
        parser.add_argument("--vendors", type=int, default=1000, help="how many to add")
        parser.add_argument("--seed", type=int, default=42, help="random seed (reproducible)")
        parser.add_argument(
            "--clear", action="store_true", help="delete earlier synthetic vendors first"
        )

    def handle(self, *args, vendors: int, seed: int, clear: bool, **options):
        if vendors < 0 or vendors > 1_000_000:
            raise CommandError("--vendors must be between 0 and 1000000")
        if not Service.objects.exists():
            raise CommandError("Load the taxonomy first: manage.py loaddata taxonomy")
        created = seed_vendors(vendors, seed=seed, clear=clear)
        self.stdout.write(self.style.SUCCESS(f"Added {created} synthetic vendors."))


@transaction.atomic
def seed_vendors(count: int, *, seed: int = 42, clear: bool = False) -> int:
    rng = random.Random(seed)
    if clear:
        Vendor.objects.filter(is_synthetic=True).delete()
    # relation -> (column of the related row in its through table, the pool, how many)
    relations = {
        "services": ("service_id", list(Service.objects.all()), (1, 5)),
        "industries": ("industry_id", list(Industry.objects.all()), (0, 3)),
        "certifications": ("certification_id", list(Certification.objects.all()), (0, 3)),
        "languages": ("language_id", list(Language.objects.all()), (1, 3)),
        "work_systems": (
            "servicecategory_id",
            list(ServiceCategory.objects.filter(dimension=Dimension.WORK_SYSTEM)),
            (0, 2),
        ),
        "customizations": (
            "servicecategory_id",
            list(ServiceCategory.objects.filter(dimension=Dimension.CUSTOMIZATION)),
            (0, 2),
        ),
    }
    start = Vendor.objects.filter(is_synthetic=True).count()
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        batch = []
        for i in range(size):
            index = start + made + i + 1
            low = rng.randrange(4, 15) * 1_000_000
            verified = rng.random() < 0.6
            batch.append(
                Vendor(
                    name=_name(rng, index),
                    slug=f"synthetic-{seed}-{index}",
                    short_description="Synthetic vendor for benchmarks",
                    delivery_countries=sorted(
                        set(rng.sample(DELIVERY_COUNTRIES, rng.randint(1, 3)))
                    ),
                    delivery_countries_verified=verified,
                    headquarters_country=rng.choice(DELIVERY_COUNTRIES) if verified else "",
                    industries_verified=verified,
                    work_systems_verified=verified,
                    customizations_verified=verified,
                    certifications_verified=verified,
                    languages_verified=verified,
                    coverage=rng.choice([c.value for c in Coverage] + [""]),
                    size_band=rng.choice([s.value for s in SizeBand] + [""]),
                    founded_year=rng.choice([None, rng.randint(1980, 2024)]),
                    price_min_idr=low if verified else None,
                    price_max_idr=low + rng.randrange(1, 8) * 1_000_000 if verified else None,
                    min_contract_months=rng.choice([None, 3, 6, 12, 24]),
                    is_synthetic=True,
                )
            )
        saved = Vendor.objects.bulk_create(batch)
        if saved and saved[0].pk is None:  # backends that do not return primary keys
            slugs = [v.slug for v in saved]
            saved = list(Vendor.objects.filter(slug__in=slugs))
        for name, (column, pool, (low, high)) in relations.items():
            through = getattr(Vendor, name).through
            rows = [
                through(vendor_id=vendor.pk, **{column: item.pk})
                for vendor in saved
                for item in rng.sample(pool, rng.randint(low, high))
            ]
            through.objects.bulk_create(rows, batch_size=BATCH)
        made += size
    return made
