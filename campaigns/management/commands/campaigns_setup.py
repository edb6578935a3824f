"""``manage.py campaigns_setup``: editor groups, their grants, the approval workflow.

Run it after ``migrate``, and again after adding a site (``--per-site`` to give
sites groups of their own) (new translations of a
site root are covered as they are made). What it creates and how it finds what
exists: :mod:`campaigns.setup`.
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from campaigns.setup import set_up_campaigns, set_up_site_groups


class Command(BaseCommand):
    help = (
        "Create the communications officers' and campaign moderators' groups, "
        "their permissions on every translation of each site root, and the "
        "approval workflow attached there. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site",
            action="append",
            dest="hostnames",
            metavar="HOSTNAME",
            help="Set up only the site with this hostname (repeatable; default all).",
        )
        parser.add_argument(
            "--per-site",
            action="store_true",
            help=(
                'Also give each site (or each --site) groups "<group> · <site>" '
                "holding only that site, a collection and an approval workflow."
            ),
        )

    def handle(self, *args, hostnames=None, per_site=False, verbosity=1, **options):
        if hostnames:
            unknown = set(hostnames) - set(
                Site.objects.filter(hostname__in=hostnames).values_list(
                    "hostname", flat=True
                )
            )
            if unknown:
                raise CommandError(
                    f"No site with hostname: {', '.join(sorted(unknown))}"
                )
        report = set_up_campaigns(hostnames=hostnames)
        if per_site:
            chosen = Site.objects.select_related("root_page").order_by("pk")
            if hostnames:
                chosen = chosen.filter(hostname__in=hostnames)
            for site in chosen:
                site_report = set_up_site_groups(site)
                report.created += site_report.created
                report.present += site_report.present
                report.notes += site_report.notes
        if verbosity >= 1:
            for line in report.created:
                self.stdout.write(f"created {line}")
            for line in report.notes:
                self.stdout.write(line)
        if verbosity >= 2:
            for line in report.present:
                self.stdout.write(f"already present: {line}")
        if verbosity >= 1:
            self.stdout.write(
                f"campaigns_setup: {len(report.created)} created, "
                f"{len(report.present)} already present."
            )
