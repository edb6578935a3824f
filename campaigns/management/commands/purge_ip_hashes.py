"""``manage.py purge_ip_hashes``: forget readers' data past its retention period.

Run it daily (``deploy/``, or ``run_scheduler`` for ``make run``). What it
clears and when: :mod:`campaigns.comments.retention`.
"""

from django.core.management.base import BaseCommand, CommandError

from campaigns.comments.retention import purge_personal_data


class Command(BaseCommand):
    help = (
        "Clear comments' IP hashes older than CAMPAIGNS_IP_HASH_RETENTION_DAYS, "
        "e-mail addresses past CAMPAIGNS_EMAIL_RETENTION_DAYS or a day after the "
        "reader was told of the reply, and delete expired poster blocks. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep IP hashes this many days instead of the setting.",
        )
        parser.add_argument(
            "--email-days",
            type=int,
            default=None,
            help="Keep e-mail addresses this many days instead of the setting.",
        )

    def handle(self, *args, days=None, email_days=None, **options):
        if any(value is not None and value < 0 for value in (days, email_days)):
            raise CommandError("Days cannot be negative.")
        result = purge_personal_data(ip_hash_days=days, email_days=email_days)
        self.stdout.write(
            f"purge_ip_hashes: {result.ip_hashes} IP hash(es) cleared, "
            f"{result.emails} e-mail address(es) cleared, "
            f"{result.blocks} expired block(s) deleted."
        )
