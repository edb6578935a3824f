"""One run of a periodic job at a time, across every app server.

Cron or systemd timers start the same jobs on each app server. Most are safe
to run twice at once (``flush_counters``, ``captcha_clean``, ``purge_ip_hashes``),
but Wagtail's ``publish_scheduled`` takes no lock: two hosts would publish the
same revision twice (two log entries, two purges, two sets of signals).
:func:`exclusive` holds a lock for the whole run that dies with the process:

- on PostgreSQL, a session advisory lock (``pg_try_advisory_lock``), shared by
  every host that uses the database, released when the run ends or its
  connection drops;
- on other databases (SQLite: a single host), an exclusive ``flock`` on a file
  named after the database, released by the system likewise.

Each run takes the lock from its own database session (a cron or systemd run
is a process; ``run_scheduler`` runs each job in a thread with its own
connection): PostgreSQL lets one session take its own lock again.
"""

import contextlib
import fcntl
import hashlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.db import connection


def lock_key(name: str) -> int:
    """A stable signed 64-bit number for ``name`` (PostgreSQL's advisory key)."""
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@contextlib.contextmanager
def exclusive(name: str) -> Iterator[bool]:
    """Hold the lock ``name`` while the block runs; yields whether it was free.

    Never waits: when another run holds it, the block gets ``False`` at once.
    """
    if connection.vendor == "postgresql":
        with _advisory_lock(lock_key(name)) as acquired:
            yield acquired
    else:
        with _file_lock(name) as acquired:
            yield acquired


@contextlib.contextmanager
def _advisory_lock(key: int) -> Iterator[bool]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def lock_path(name: str) -> Path:
    database = str(connection.settings_dict["NAME"])
    scope = hashlib.blake2b(database.encode(), digest_size=8).hexdigest()
    return Path(tempfile.gettempdir()) / f"campaigns-{scope}-{name}.lock"


@contextlib.contextmanager
def _file_lock(name: str) -> Iterator[bool]:
    with open(lock_path(name), "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
