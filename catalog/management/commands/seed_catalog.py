"""Add the shipped starting catalog where it is missing, never over curated data.

Taxonomy rows are matched by slug and only the missing ones are created; the starting
vendors are added only when the catalog has no vendor at all. Safe to run at every start.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from catalog.services import catalog_seed_starting


class Command(BaseCommand):
    help = "Add the starting taxonomy and vendors where missing; never overwrites anything."

    def handle(self, *args, **options):
        created = catalog_seed_starting()
        if created["vendors"]:
            self.stdout.write(f"Starting catalog loaded: {created['vendors']} vendors.")
        elif created["taxonomy"]:
            self.stdout.write(f"Added {created['taxonomy']} missing taxonomy entries.")
        elif not created["rules"]:
            self.stdout.write("Catalog already in place: nothing changed.")
        if created["rules"]:
            self.stdout.write(f"Added {created['rules']} compliance rules.")
