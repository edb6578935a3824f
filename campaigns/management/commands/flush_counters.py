"""Move the view counts buffered in Redis into the database (DESIGN §2, §6)."""

from django.core.management.base import BaseCommand

from campaigns.stats.flush import flush


class Command(BaseCommand):
    help = (
        "Add the view and visit counts buffered in Redis to the database, "
        "exactly once, and forget expired visitor windows. Safe to run at any time."
    )

    def handle(self, *args, **options):
        batches = flush()
        self.stdout.write(f"Flushed {batches} batch(es).")
