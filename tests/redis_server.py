"""A ``redis-server`` of a test's own, to freeze, kill and restart for real."""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis

needs_redis_server = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="needs redis-server"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """One ``redis-server`` on a free port, keeping nothing on disk."""

    def __init__(self, directory):
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        #: How the circuit breaker names this server.
        self.name = f"127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 -- a fixed argument list.
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        probe = redis.Redis.from_url(self.url, socket_timeout=0.5)
        deadline = time.monotonic() + 20
        while True:
            try:
                probe.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    self.process.kill()
                    pytest.fail("redis-server did not start")
                time.sleep(0.05)
        probe.close()

    def freeze(self) -> None:
        """It still accepts connections, and answers nothing (a hung Redis)."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        """Gone: connections are refused, and what it held is lost."""
        if self.process is None:
            return
        self.thaw()
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process = None
