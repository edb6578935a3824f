"""A small closed-loop HTTP load generator: threads over raw sockets.

Each request is ``GET`` with ``Connection: close`` (gunicorn's sync workers
close every connection anyway), read to the end of the stream. Raw sockets keep
the client's CPU share low, which matters when it shares 2 cores with the
server: ``http.client`` parses headers slowly enough to cap the bare view's
rate. Every response is checked, so a fast error page never passes for a page.
"""

import itertools
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

#: Returns what is wrong with a response body, or None when it is right.
Check = Callable[[bytes], str | None]


@dataclass
class LoadResult:
    """Requests completed in ``seconds`` of wall time; latencies in seconds."""

    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def percentile_ms(self, q: float) -> float:
        """The q-quantile (0–1) latency in milliseconds, nearest rank."""
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    def add(self, other: "LoadResult") -> None:
        """Fold another run of the same URL into this one."""
        self.seconds += other.seconds
        self.latencies += other.latencies
        self.errors += other.errors


def run_load(
    host: str,
    port: int,
    path: str,
    *,
    check: Check,
    requests: int,
    duration: float,
    concurrency: int,
    headers: dict[str, str] | None = None,
    status: int = 200,
) -> LoadResult:
    """GET ``path`` until ``requests`` are sent or ``duration`` seconds pass.

    Each response must have ``status`` and a body that passes ``check``.
    """
    request = _get_message(host, path, headers)
    result = LoadResult()
    result_lock = threading.Lock()

    def send(n: int) -> None:
        sent = time.perf_counter()
        response, error = _exchange(host, port, request)
        elapsed = time.perf_counter() - sent
        error = error or _problem(response, check, status)
        with result_lock:
            if error:
                result.errors.append(error)
            else:
                result.latencies.append(elapsed)

    result.seconds = _clients(send, requests, duration, concurrency)
    return result


def _clients(send, requests: int, duration: float, concurrency: int) -> float:
    """Call ``send(n)`` for n = 0, 1, … from ``concurrency`` threads.

    Stops at ``requests`` calls or after ``duration`` seconds; returns the wall time.
    """
    tickets = itertools.count()
    start = time.perf_counter()
    deadline = start + duration

    def client() -> None:
        while (n := next(tickets)) < requests and time.perf_counter() < deadline:
            send(n)

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def _get_message(host: str, path: str, headers: dict[str, str] | None) -> bytes:
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def response_header(host: str, port: int, path: str, name: str) -> str | None:
    """The value of header ``name`` in the answer to one plain GET of ``path``."""
    response, error = _exchange(host, port, _get_message(host, path, None))
    if error:
        raise OSError(error)
    head = response.partition(b"\r\n\r\n")[0].decode("latin-1")
    for line in head.split("\r\n")[1:]:
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip()
    return None


def _exchange(host: str, port: int, message: bytes) -> tuple[bytes, str | None]:
    """Send one raw request and read the response to the end of the stream."""
    try:
        with socket.create_connection((host, port), timeout=30) as connection:
            connection.sendall(message)
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
    except OSError as exc:
        return b"", f"{type(exc).__name__}: {exc}"
    return b"".join(chunks), None


def _status(response: bytes) -> int | None:
    status_line = response.split(b"\r\n", 1)[0].split()
    if len(status_line) < 2 or not status_line[1].isdigit():
        return None
    return int(status_line[1])


def _problem(response: bytes, check: Check, status: int = 200) -> str | None:
    """What is wrong with a response that must have ``status`` and pass ``check``."""
    head, _, body = response.partition(b"\r\n\r\n")
    if _status(response) != status:
        return head.split(b"\r\n", 1)[0].decode("latin-1") or "empty response"
    if b"transfer-encoding: chunked" in head.lower():
        return "chunked response (the checks need Content-Length bodies)"
    return check(body)


@dataclass
class StatusLoad(LoadResult):
    """A run where several statuses are expected: latencies and counts by status."""

    statuses: dict[int, int] = field(default_factory=dict)

    def count(self, low: int, high: int | None = None) -> int:
        high = low if high is None else high
        return sum(n for status, n in self.statuses.items() if low <= status <= high)

    def add(self, other: "StatusLoad") -> None:
        super().add(other)
        for status, n in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + n

    @classmethod
    def merged(cls, *runs: "StatusLoad") -> "StatusLoad":
        """One result for several turns of the same run."""
        total = cls()
        for run in runs:
            total.add(run)
        return total

    def record(self) -> dict:
        """The figures of the run, for the JSON file of results."""
        return {
            "requests": self.requests,
            "seconds": self.seconds,
            "rps": self.rps,
            "p50_ms": self.percentile_ms(0.5),
            "p99_ms": self.percentile_ms(0.99),
            "statuses": self.statuses,
            "errors": self.errors[:10],
        }


def run_requests(
    host: str,
    port: int,
    build: Callable[[int], bytes],
    *,
    requests: int,
    duration: float,
    concurrency: int,
) -> StatusLoad:
    """Send ``build(n)`` for n = 0, 1, … until ``requests`` or ``duration`` run out.

    Each request is whatever raw HTTP/1.1 message ``build`` returns (a POST
    with its own headers and body); responses are counted by status.
    """
    result = StatusLoad()
    result_lock = threading.Lock()

    def send(n: int) -> None:
        message = build(n)
        sent = time.perf_counter()
        response, error = _exchange(host, port, message)
        elapsed = time.perf_counter() - sent
        status = None if error else _status(response)
        with result_lock:
            if status is None:
                result.errors.append(error or "no status line")
                return
            result.latencies.append(elapsed)
            result.statuses[status] = result.statuses.get(status, 0) + 1

    result.seconds = _clients(send, requests, duration, concurrency)
    return result
