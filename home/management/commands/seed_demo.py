"""``manage.py seed_demo``: load the original Vietnamese demo content (DESIGN §9)."""

from django.core.management.base import BaseCommand, CommandError

from home.demo import seed
from home.demo.addresses import SiteAddress
from home.demo.comments import ensure_demo_comments
from home.demo.stats import seed_visitor_history
from home.demo.sub_portal import VISIT_SCALE, ensure_sub_portal
from home.demo.users import ensure_sub_portal_moderator


class Command(BaseCommand):
    help = (
        "Create the demo home page, campaigns, video stories, their media, a "
        "department's sub-portal and (in DEBUG) the demo users. Idempotent: only "
        "what is missing is created."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            metavar="URL",
            help=(
                "Where the province's site is served, e.g. http://127.0.0.1:8000: "
                "its Site record, the source of every absolute link, is set to it."
            ),
        )
        parser.add_argument(
            "--sub-portal-address",
            metavar="URL",
            help="Where the department's sub-portal is served, e.g. "
            "http://so-lao-dong.localhost:8000.",
        )

    def handle(self, *args, **options):
        province = _address(options["address"])
        department = _address(options["sub_portal_address"])
        try:
            summary = seed(stdout=self.stdout, address=province)
            sub_portal = ensure_sub_portal(summary, address=department)
        except ValueError as error:
            raise CommandError(str(error)) from error
        ensure_sub_portal_moderator(sub_portal, summary.record)
        ensure_demo_comments(summary)
        seed_visitor_history()
        seed_visitor_history(site=sub_portal, scale=VISIT_SCALE)
        self.stdout.write(self.style.SUCCESS(f"seed_demo: {summary}"))


def _address(url: str | None) -> SiteAddress | None:
    if url is None:
        return None
    try:
        return SiteAddress.parse(url)
    except ValueError as error:
        raise CommandError(str(error)) from error
