"""Run the periodic management commands for a developer machine (DESIGN §2).

Production runs the same commands from cron or systemd timers (see ``deploy/``);
``make run`` starts this process beside the development server instead.
"""

import logging

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger
from django.core.management import call_command
from django.core.management.base import BaseCommand

logger = logging.getLogger(__name__)

#: (command, seconds between runs). Every command is idempotent.
#: ``send_moderation_digest`` runs every minute and itself keeps its mails
#: ``CAMPAIGNS_MODERATION_DIGEST_MINUTES`` apart.
JOBS = [
    ("publish_scheduled", 60),
    ("send_moderation_digest", 60),
    ("captcha_clean", 60 * 60),
    ("purge_ip_hashes", 24 * 60 * 60),
    ("purge_sign_in_records", 24 * 60 * 60),
    ("flush_counters", 60),
    ("rotate_visitor_salt", 60 * 60),
]


def _run(command: str) -> None:
    try:
        call_command(command)
    except Exception:
        # One failing run must not stop the scheduler; the next run retries.
        logger.exception("Scheduled command %s failed", command)


class Command(BaseCommand):
    help = (
        "Run the periodic jobs (scheduled publishing, the moderators' digest, "
        "captcha and personal-data clean-up) until interrupted."
    )

    def handle(self, *args, **options):
        scheduler = BlockingScheduler(timezone="Asia/Ho_Chi_Minh")
        for command, seconds in JOBS:
            scheduler.add_job(
                _run,
                IntervalTrigger(seconds=seconds),
                args=[command],
                id=command,
                max_instances=1,
                coalesce=True,
            )
        self.stdout.write(
            "Scheduler running: "
            + ", ".join(f"{command} every {seconds}s" for command, seconds in JOBS)
        )
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            scheduler.shutdown(wait=False)
