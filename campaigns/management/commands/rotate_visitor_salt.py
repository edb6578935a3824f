"""Make today's visitor salt and delete salts older than two days (DESIGN §6)."""

from django.core.management.base import BaseCommand

from campaigns.stats.visitors import rotate_salts


class Command(BaseCommand):
    help = (
        "Create the day's secret salt for visitor hashes and delete salts older "
        "than two days, so past visitors cannot be re-identified. Run after 00:00 "
        "Asia/Ho_Chi_Minh; idempotent."
    )

    def handle(self, *args, **options):
        deleted = rotate_salts()
        self.stdout.write(f"Salt ready; {deleted} old salt(s) deleted.")
