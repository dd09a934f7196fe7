"""Write each newly expired certificate into its vendor's history (run it daily, e.g. from
cron: ``python manage.py record_expiries``). The advisor stops counting an expired
certificate the day after expiry whether or not this runs; this keeps the history whole."""

from django.core.management.base import BaseCommand

from catalog.services import evidence_record_expiries


class Command(BaseCommand):
    help = "Record newly expired certificates in their vendors' history."

    def handle(self, *args, **options):
        count = evidence_record_expiries()
        self.stdout.write(f"Recorded {count} expired certificate(s).")
