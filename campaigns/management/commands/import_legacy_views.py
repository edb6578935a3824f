"""Import per-page view counts of the old portal from a CSV file (DESIGN §6)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaigns.stats.legacy import LegacyFileError, apply_legacy_views, scan


class Command(BaseCommand):
    help = (
        "Set the pages' legacy view counts from a CSV of old URLs and counts "
        "(url,views; header optional; UTF-8). Re-importing sets the counts again, "
        "it never adds to them. Lines that match no page or carry a bad count are "
        "reported and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be set, and change nothing.",
        )

    def handle(self, *args, csv_file: Path, dry_run: bool, **options):
        try:
            raw = csv_file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {csv_file}: {exc}") from exc
        try:
            found = scan(raw)
        except LegacyFileError as exc:
            raise CommandError(f"{csv_file}: {exc}") from exc
        for problem in found.bad:
            self.stderr.write(
                f"line {problem.line}: {problem.reason}, skipped: {problem.text}"
            )
        for problem in found.unmatched:
            self.stderr.write(
                f"line {problem.line}: {problem.reason}, skipped: {problem.text}"
            )
        for problem in found.merged:
            self.stdout.write(
                f"line {problem.line}: same page as an earlier line "
                f"({problem.reason}); counts added: {problem.text}"
            )
        if options["verbosity"] > 1:
            for page_id, views in found.counts.items():
                self.stdout.write(f"{page_id}\t{views}\t{found.titles[page_id]}")
        changed = 0 if dry_run else apply_legacy_views(found.counts)
        summary = (
            f"{found.lines} line(s): {len(found.counts)} page(s) matched, "
            f"{len(found.unmatched)} unmatched, {len(found.bad)} bad count(s); "
        )
        if dry_run:
            summary += "dry run, nothing changed."
        else:
            summary += f"{changed} page(s) changed."
        style = (
            self.style.WARNING if found.unmatched or found.bad else self.style.SUCCESS
        )
        self.stdout.write(style(summary))
