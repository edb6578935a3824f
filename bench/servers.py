"""The bench's environment: a fresh database, Django set up, gunicorn servers."""

import argparse
import logging
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench import ROOT
from bench.console import log

HOST = "127.0.0.1"


def recreate_database(url: str, *, marker: str = "bench") -> None:
    """Drop and create the database of ``url``; its name must contain ``marker``."""
    _drop_database(url, marker, create=True)


def drop_database(url: str, *, marker: str = "bench") -> None:
    """Drop the database of ``url`` if it exists; its name must contain ``marker``."""
    _drop_database(url, marker, create=False)


def _drop_database(url: str, marker: str, *, create: bool) -> None:
    import environ
    import psycopg2
    from psycopg2 import sql

    config = environ.Env.db_url_config(url)
    name = config["NAME"]
    if marker not in name:
        raise SystemExit(f"Refusing to drop {name!r}: its name lacks {marker!r}.")
    keys = {"USER": "user", "PASSWORD": "password", "HOST": "host", "PORT": "port"}
    params = {arg: config[key] for key, arg in keys.items() if config.get(key)}
    connection = psycopg2.connect(dbname="postgres", **params)
    connection.autocommit = True
    with connection.cursor() as cursor:
        database = sql.Identifier(name)
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database)
        )
        if create:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(database))
    connection.close()


def production_environment(
    database_url: str, workdir: Path, settings: str = "bench.settings"
) -> dict[str, str]:
    """The variables production needs (DESIGN §9), for a server on 127.0.0.1."""
    return {
        "DJANGO_SETTINGS_MODULE": settings,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "DATABASE_URL": database_url,
        "WAGTAILADMIN_BASE_URL": f"http://{HOST}",
        "SECURE_SSL_REDIRECT": "false",
        # Seeded images and collected files stay out of the developer's folders.
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
    }


def configure(
    database_url: str,
    redis_url: str | None,
    workdir: Path,
    settings: str = "bench.settings",
) -> None:
    """Set the production environment for this process and the servers it starts."""
    os.environ.update(production_environment(database_url, workdir, settings))
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
    else:
        os.environ.pop("REDIS_URL", None)


def prepare(*, clear_cache: bool) -> None:
    """Set Django up, then migrate, seed the demo and collect static files."""
    import django

    django.setup()
    from django.core.cache import caches
    from django.core.management import call_command

    if clear_cache:
        # Cached renditions from an earlier run point into a dropped database.
        caches["default"].clear()
    call_command("migrate", interactive=False, verbosity=0)
    # The seed logs every background task and revision at INFO.
    logging.disable(logging.INFO)
    try:
        call_command("seed_demo", stdout=sys.stderr)
    finally:
        logging.disable(logging.NOTSET)
    call_command("collectstatic", interactive=False, verbosity=0)


@contextmanager
def gunicorn(
    settings: str, options: argparse.Namespace, workdir: Path
) -> Iterator[int]:
    """Serve ``bench.wsgi`` with ``settings`` on a free local port; always stopped."""
    from django.db import connections

    connections.close_all()
    port = free_port()
    log_path = workdir / f"gunicorn-{port}.log"
    command = [
        *(sys.executable, "-m", "gunicorn", "--workers", str(options.workers)),
        *("--bind", f"{HOST}:{port}", "--chdir", str(ROOT), "--log-level", "warning"),
        "bench.wsgi:application",
    ]
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings}
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(  # noqa: S603
            command, stdout=log_file, stderr=subprocess.STDOUT, env=environment
        )
    try:
        wait_until_listening(process, port, log_path)
        log(f"gunicorn pid {process.pid} on {HOST}:{port}: {settings}")
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_until_listening(
    process: subprocess.Popen, port: int, log_path: Path, name: str = "gunicorn"
) -> None:
    """Return once ``port`` accepts connections; SystemExit if ``process`` ends."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} exited:\n{log_path.read_text()}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{name} did not start:\n{log_path.read_text()}")
