"""Delete assessments older than the retention age (settings.ASSESSMENT_RETENTION_DAYS,
or --older-than-days). Meant for a daily schedule."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assessment import services


class Command(BaseCommand):
    help = "Delete assessments created more than N days ago (default: the retention setting)."

    def add_arguments(self, parser):
        parser.add_argument("--older-than-days", type=int, default=None)

    def handle(self, *args, older_than_days=None, **options):
        days = (
            older_than_days if older_than_days is not None else settings.ASSESSMENT_RETENTION_DAYS
        )
        if days < 1:
            raise CommandError("--older-than-days must be at least 1")
        deleted = services.assessments_purge(older_than_days=days)
        self.stdout.write(f"Deleted {deleted} assessment(s) older than {days} days.")
