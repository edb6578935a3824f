"""``manage.py purge_sign_in_records``: forget sign-in records past their retention.

Run it daily (``deploy/``, or ``run_scheduler`` for ``make run``). What it
deletes and when: :mod:`cms.sign_in.retention`.
"""

from django.core.management.base import BaseCommand, CommandError

from cms.sign_in.retention import purge_sign_in_records


class Command(BaseCommand):
    help = (
        "Delete failed sign-in counts past their cool-off, and sign-in and "
        "failure records older than PORTAL_SIGN_IN_RECORD_DAYS. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep sign-in and failure records this many days, not the setting.",
        )

    def handle(self, *args, days=None, **options):
        if days is not None and days < 0:
            raise CommandError("Days cannot be negative.")
        result = purge_sign_in_records(days=days)
        self.stdout.write(
            f"purge_sign_in_records: {result.attempts} expired failure count(s), "
            f"{result.sign_ins} sign-in record(s) and {result.failures} failure "
            "record(s) deleted."
        )
