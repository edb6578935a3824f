"""``run_exclusive <command> [args…]``: a periodic job, once at a time on all hosts."""

import argparse

from django.core.management import call_command
from django.core.management.base import BaseCommand

from campaigns.locks import exclusive


class Command(BaseCommand):
    help = (
        "Run a management command unless another run of it holds the lock "
        "(on PostgreSQL, across every app server); then skip it and exit 0. "
        "Put cron's and systemd's periodic jobs under it, publish_scheduled first."
    )

    def add_arguments(self, parser):
        parser.add_argument("job", help="the management command to run")
        parser.add_argument("job_args", nargs=argparse.REMAINDER, help="its arguments")

    def handle(self, *args, job, job_args, **options):
        with exclusive(f"command:{job}") as acquired:
            if not acquired:
                self.stdout.write(f"{job} is running elsewhere; this run is skipped.")
                return
            call_command(job, *job_args, stdout=self.stdout, stderr=self.stderr)
