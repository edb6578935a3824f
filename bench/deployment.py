"""The documented deployment on 127.0.0.1: gunicorn behind nginx (docs/deploy.md).

gunicorn runs with ``deploy/gunicorn.conf.py`` (only its bind and workers are
set on the command line), nginx with ``deploy/nginx.conf`` included in a small
main configuration whose pid, logs and temporary files live in a work folder,
so the host's own nginx is neither read nor disturbed. Used by
``make reliability`` and ``tests/test_deployment_slow_clients.py``.
"""

import http.client
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench import ROOT
from bench.servers import HOST, free_port, wait_until_listening

GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
NGINX_SITE = ROOT / "deploy" / "nginx.conf"
_MAIN_CONF = """\
worker_processes 1;
{user}
events {{
    worker_connections 1024;
}}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/portal.conf;
}}
"""


def nginx_binary() -> str | None:
    """The nginx executable, also where PATH lacks the sbin folders."""
    path = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    return shutil.which("nginx", path=path)


def render_site(
    listen_port: int,
    upstream_port: int,
    media_root: Path,
    changes: dict[str, str] | None = None,
) -> str:
    """``deploy/nginx.conf`` as it runs here: on ``listen_port``, before gunicorn.

    ``changes`` replaces more texts of the file; every text replaced must occur
    exactly once, so that a change to the file cannot silently escape a test.
    """
    replacements = {
        "listen 80;": f"listen {HOST}:{listen_port};",
        "listen [::]:80;": "",
        "server 127.0.0.1:8000;": f"server {HOST}:{upstream_port};",
        "alias /srv/portal/media/;": f"alias {media_root}/;",
        **(changes or {}),
    }
    text = NGINX_SITE.read_text()
    for old, new in replacements.items():
        found = len(re.findall(re.escape(old), text))
        if found != 1:
            raise ValueError(f"{NGINX_SITE.name}: {old!r} occurs {found} times, not 1")
        text = text.replace(old, new)
    return text


@contextmanager
def nginx(
    workdir: Path,
    upstream_port: int,
    media_root: Path,
    changes: dict[str, str] | None = None,
) -> Iterator[int]:
    """nginx with the portal's site file on a free local port; always stopped."""
    binary = nginx_binary()
    if binary is None:
        raise SystemExit("nginx is not installed (apt-get install nginx)")
    port = free_port()
    prefix = workdir / f"nginx-{port}"
    prefix.mkdir(parents=True)
    (prefix / "portal.conf").write_text(
        render_site(port, upstream_port, media_root, changes)
    )
    (prefix / "nginx.conf").write_text(
        _MAIN_CONF.format(
            prefix=prefix,
            mime_types=_mime_types(binary),
            # Started as root, nginx runs its workers as nobody, who cannot
            # read the work folder.
            user="user root;" if os.geteuid() == 0 else "",
        )
    )
    log_path = prefix / "error.log"
    command = [
        *(binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf")),
        *("-e", str(log_path)),
        *("-g", f"daemon off; pid {prefix}/nginx.pid; error_log {log_path};"),
    ]
    process = subprocess.Popen(  # noqa: S603 -- our own arguments.
        command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    try:
        wait_until_listening(process, port, log_path, "nginx")
        yield port
    finally:
        # The fast stop: a graceful one would wait for the slow clients.
        process.send_signal(signal.SIGTERM)
        _reap(process)


def _mime_types(binary: str) -> Path:
    version = subprocess.run(  # noqa: S603 -- our own arguments.
        [binary, "-V"], capture_output=True, text=True, check=True
    ).stderr
    found = re.search(r"--conf-path=(\S+)", version)
    conf_dir = Path(found[1]).parent if found else Path("/etc/nginx")
    return conf_dir / "mime.types"


@contextmanager
def gunicorn(
    environment: dict[str, str], workdir: Path, workers: int | None = None
) -> Iterator[int]:
    """gunicorn as deploy/gunicorn.conf.py configures it, on a free local port.

    ``workers`` overrides the configured number (cpu × 2 + 1); always stopped.
    """
    port = free_port()
    log_path = workdir / f"gunicorn-{port}.log"
    command = [
        *(sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF)),
        *("--bind", f"{HOST}:{port}", "--chdir", str(ROOT)),
        *(("--workers", str(workers)) if workers else ()),
    ]
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(  # noqa: S603 -- our own arguments.
            command, stdout=log_file, stderr=subprocess.STDOUT, env=environment
        )
    try:
        wait_until_listening(process, port, log_path)
        yield port
    finally:
        process.terminate()
        _reap(process)


def _reap(process: subprocess.Popen) -> None:
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class RedisServer:
    """A ``redis-server`` of our own on a free port, to hang, stop and start again."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise SystemExit("redis-server is not installed")
        log_path = self.workdir / f"redis-{self.port}.log"
        command = [
            *(binary, "--port", str(self.port), "--bind", HOST),
            *("--save", "", "--appendonly", "no", "--dir", str(self.workdir)),
            *("--logfile", str(log_path)),
        ]
        self.process = subprocess.Popen(command)  # noqa: S603 -- our own arguments.
        wait_until_listening(self.process, self.port, log_path, "redis-server")

    def hang(self) -> None:
        """SIGSTOP: connections are accepted and never answered."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        """Connections are refused until :meth:`start` (its keys are gone)."""
        self.resume()
        self.process.terminate()
        _reap(self.process)


@contextmanager
def redis_server(workdir: Path) -> Iterator[RedisServer]:
    """A started :class:`RedisServer`; always stopped."""
    server = RedisServer(workdir)
    server.start()
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.stop()


def manage(environment: dict[str, str], *args: str) -> None:
    """Run ``manage.py`` with ``environment``; SystemExit with its output on failure."""
    result = subprocess.run(  # noqa: S603 -- our own manage.py.
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}")


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def fetch(
    port: int,
    path: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    source: str | None = None,
    timeout: float = 60,
) -> Response:
    """One request to 127.0.0.1:``port``, from the local address ``source``.

    Header names of the answer are lower-cased, a repeated header's values
    joined with commas; a body is read as sent (a
    gzipped one stays gzipped). Raises ``TimeoutError`` without an answer.
    """
    connection = http.client.HTTPConnection(
        HOST,
        port,
        timeout=timeout,
        source_address=(source, 0) if source else None,
    )
    try:
        connection.request(
            method, path, body=body, headers={"Host": HOST, **(headers or {})}
        )
        answer = connection.getresponse()
        headers: dict[str, str] = {}
        for name, value in answer.getheaders():
            # A header sent twice (nginx adds its own Vary) is one list (RFC 9110).
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        return Response(answer.status, headers, answer.read())
    finally:
        connection.close()


class SlowClients:
    """Connections that send a request one byte a second and never finish it.

    By default the request's headers trickle; with ``body=True`` the headers of
    a POST go at once and its body trickles. Entering opens every connection
    and sends what goes at once and one byte; a thread then sends each one
    more byte every ``interval`` seconds until the block is left.
    """

    HEADERS = f"GET / HTTP/1.1\r\nHost: {HOST}\r\nX-Slow: ".encode()
    POST = (
        f"POST /api/v3/comments/ HTTP/1.1\r\nHost: {HOST}\r\n"
        "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
    ).encode()

    def __init__(
        self, port: int, count: int, interval: float = 1.0, *, body: bool = False
    ):
        self.port = port
        self.count = count
        self.interval = interval
        #: Bytes each connection has trickled so far.
        self.sent = [0] * count
        self._at_once = self.POST if body else b""
        self._trickle = b"" if body else self.HEADERS
        self._sockets: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._dribble, daemon=True)

    def __enter__(self) -> "SlowClients":
        try:
            for n in range(self.count):
                sock = socket.create_connection((HOST, self.port), 10)
                self._sockets.append(sock)
                sock.sendall(self._at_once)
                self._send(n)
        except BaseException:
            self._close()
            raise
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        self._close()

    def _close(self) -> None:
        for sock in self._sockets:
            sock.close()

    def _send(self, n: int) -> None:
        position = self.sent[n]
        byte = self._trickle[position : position + 1] or b"a"
        try:
            self._sockets[n].sendall(byte)
        except OSError:
            return
        self.sent[n] += 1

    def _dribble(self) -> None:
        while not self._stop.wait(self.interval):
            for n in range(self.count):
                self._send(n)

    def wait_until_each_sent(self, count: int, timeout: float = 60) -> None:
        """Block until every connection has sent ``count`` bytes."""
        deadline = time.monotonic() + timeout
        while min(self.sent) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"slow clients sent {min(self.sent)} bytes")
            time.sleep(0.05)

    def wait_until_each_closed(self, timeout: float = 60) -> None:
        """Block until the server has answered or closed every connection."""
        deadline = time.monotonic() + timeout
        while self.still_open():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.still_open()} slow clients still open")
            time.sleep(0.2)

    def still_open(self) -> int:
        """How many connections the server has neither answered nor closed."""
        return sum(_waiting(sock) for sock in self._sockets)


def _waiting(sock: socket.socket) -> bool:
    """Nothing to read: neither an answer (nginx's 408) nor the end of the stream."""
    readable, _, _ = select.select([sock], [], [], 0)
    return not readable
