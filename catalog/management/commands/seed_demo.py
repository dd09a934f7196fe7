"""Add synthetic vendors with random but plausible attributes, for benchmarks and load tests.

Synthetic vendors are flagged ``is_synthetic`` and stay out of the public catalog unless
asked for (``/catalog/?synthetic=1``). ``--clear`` removes earlier synthetic vendors first.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from catalog.models import Service
from catalog.services import vendors_seed_synthetic


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
            raise CommandError("Load the taxonomy first: manage.py seed_catalog")
        created = vendors_seed_synthetic(vendors, seed=seed, clear=clear)
        self.stdout.write(self.style.SUCCESS(f"Added {created} synthetic vendors."))
