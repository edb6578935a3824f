"""``manage.py send_moderation_digest``: tell moderators about new comments (DESIGN §5).

Run it every minute (``deploy/``, or ``run_scheduler`` for ``make run``); it
sends at most one mail per ``CAMPAIGNS_MODERATION_DIGEST_MINUTES`` and lists
each comment once. See :mod:`campaigns.comments.digest`.
"""

from django.core.management.base import BaseCommand

from campaigns.comments.digest import send_moderation_digest


class Command(BaseCommand):
    help = (
        "E-mail the moderators one digest of the pending comments they were not "
        "told about yet, at most once per CAMPAIGNS_MODERATION_DIGEST_MINUTES. "
        "Idempotent and safe to run concurrently."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be sent; send and mark nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        result = send_moderation_digest(dry_run=dry_run)
        if result.sent:
            self.stdout.write(
                f"send_moderation_digest: {len(result.comment_ids)} comment(s) sent "
                f"to {len(result.recipients)} moderator(s)."
            )
        elif dry_run and result.comment_ids:
            self.stdout.write(
                f"send_moderation_digest (dry run): would send "
                f"{len(result.comment_ids)} comment(s) to "
                f"{', '.join(result.recipients)}."
            )
        else:
            self.stdout.write(
                f"send_moderation_digest: nothing sent ({result.reason})."
            )
