"""Periodic jobs under ``run_exclusive``: one run at a time, on every host.

The lock is held by another process for real: a PostgreSQL session that takes
the advisory lock (CI's second pass), or a process holding the ``flock``.
"""

import datetime
import io
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.utils import timezone
from wagtail.models import Revision

from campaigns.locks import exclusive, lock_key, lock_path
from campaigns.models import CampaignPage
from home.management.commands.run_scheduler import JOBS

pytestmark = pytest.mark.django_db


def _postgres_dsn() -> str:
    params = connection.get_connection_params()
    return " ".join(
        f"{key}={params[name]}"
        for key, name in [
            ("host", "host"),
            ("port", "port"),
            ("user", "user"),
            ("dbname", "dbname"),
        ]
        if params.get(name)
    )


class LockHolder:
    """Another process holding the lock of ``job`` until it is released."""

    def __init__(self, job: str):
        name = f"command:{job}"
        if connection.vendor == "postgresql":
            code = f"""
                import psycopg2, sys
                conn = psycopg2.connect({_postgres_dsn()!r})
                conn.cursor().execute("SELECT pg_advisory_lock(%s)", [{lock_key(name)}])
                print("held", flush=True)
                sys.stdin.read()
            """
        else:
            code = f"""
                import fcntl, sys
                handle = open({str(lock_path(name))!r}, "a")
                fcntl.flock(handle, fcntl.LOCK_EX)
                print("held", flush=True)
                sys.stdin.read()
            """
        self.process = subprocess.Popen(  # noqa: S603 -- our own interpreter.
            [sys.executable, "-c", textwrap.dedent(code)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline().strip() == "held"

    def release(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


def _scheduled_in_the_past(make_campaign):
    page = make_campaign("Chiến dịch hẹn giờ", publish_it=False)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    past = timezone.now() - datetime.timedelta(seconds=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    return page


def _run(*args) -> str:
    out = io.StringIO()
    call_command("run_exclusive", *args, stdout=out)
    return out.getvalue()


def test_a_run_on_another_host_makes_this_one_skip(make_campaign):
    page = _scheduled_in_the_past(make_campaign)
    holder = LockHolder("publish_scheduled")
    try:
        output = _run("publish_scheduled")
    finally:
        holder.release()

    assert "publish_scheduled is running elsewhere" in output
    assert not CampaignPage.objects.get(pk=page.pk).live


def test_once_the_other_run_ends_the_job_runs(make_campaign):
    page = _scheduled_in_the_past(make_campaign)
    LockHolder("publish_scheduled").release()

    _run("publish_scheduled")

    assert CampaignPage.objects.get(pk=page.pk).live


def test_the_lock_is_per_job():
    holder = LockHolder("publish_scheduled")
    try:
        output = _run("flush_counters")
    finally:
        holder.release()
    assert "Flushed" in output


def test_the_job_gets_its_arguments_options_included(make_campaign):
    page = _scheduled_in_the_past(make_campaign)
    output = _run("publish_scheduled", "--dryrun")
    assert "Will do a dry run." in output
    assert not CampaignPage.objects.get(pk=page.pk).live


def test_a_failing_job_releases_the_lock():
    with pytest.raises(CommandError):
        _run("no_such_command")
    with exclusive("command:no_such_command") as acquired:
        assert acquired


def test_a_run_does_not_wait_for_the_lock():
    """Two threads, two database sessions, as the development scheduler runs jobs."""
    answers = []

    def second_run():
        try:
            with exclusive("command:x") as acquired:
                answers.append(acquired)
        finally:
            connections.close_all()

    with exclusive("command:x") as first:
        thread = threading.Thread(target=second_run)
        thread.start()
        thread.join(timeout=30)
    assert first
    assert answers == [False]


def test_every_deployed_job_runs_under_the_lock():
    deploy = Path(__file__).resolve().parent.parent / "deploy"
    lines = [
        line
        for path in [deploy / "crontab", *deploy.glob("*.service")]
        for line in path.read_text().splitlines()
        if "manage.py" in line and not line.startswith("#")
    ]
    assert lines
    assert all("manage.py run_exclusive " in line for line in lines)
    for command, _seconds in JOBS:
        assert any(line.endswith(f"run_exclusive {command}") for line in lines)
