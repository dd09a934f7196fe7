"""The start-up steps of ``scripts/serve.sh``: migrate the database, then add the starting
catalog where it is missing, and record certificates that expired. Running it again changes
nothing a curator did."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate the database and add the starting catalog where it is missing."

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=verbosity)
        call_command("seed_catalog", verbosity=verbosity, stdout=self.stdout)
        # Certificates that expired while the site was down join their vendors' history.
        call_command("record_expiries", verbosity=verbosity, stdout=self.stdout)
