"""``manage.py seed_demo``: load the original Vietnamese demo content (DESIGN §9)."""

from django.core.management.base import BaseCommand

from home.demo import seed
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

    def handle(self, *args, **options):
        summary = seed(stdout=self.stdout)
        sub_portal = ensure_sub_portal(summary)
        ensure_sub_portal_moderator(sub_portal, summary.record)
        ensure_demo_comments(summary)
        seed_visitor_history()
        seed_visitor_history(site=sub_portal, scale=VISIT_SCALE)
        self.stdout.write(self.style.SUCCESS(f"seed_demo: {summary}"))
