"""The catalogue against a running server, over real HTTP (``http.client``).

Bodies marked ``Transfer-Encoding: chunked`` are sent in chunks without a
``Content-Length``, as a streaming client sends them.
"""

from collections.abc import Iterable, Mapping
from http.client import HTTPConnection, HTTPSConnection
from urllib.parse import urlsplit

from bench.hostile.discovery import public_context
from bench.hostile.runner import Result, run

#: Bytes per chunk of a chunked body.
CHUNK = 16 * 1024


def http_sender(base_url: str, *, timeout: float = 30.0):
    """A ``send`` function for :func:`bench.hostile.runner.run` against ``base_url``."""
    parts = urlsplit(base_url)
    connection_class = HTTPSConnection if parts.scheme == "https" else HTTPConnection
    prefix = parts.path.rstrip("/")

    def send(method: str, path: str, headers: Mapping[str, str], body: bytes | None):
        connection = connection_class(parts.netloc, timeout=timeout)
        try:
            names = {name.lower() for name in headers}
            connection.putrequest(
                method,
                prefix + path,
                skip_host="host" in names,
                skip_accept_encoding=True,
            )
            for name, value in headers.items():
                connection.putheader(name, value)
            chunked = headers.get("Transfer-Encoding", "").lower() == "chunked"
            if body is not None and not chunked and "content-length" not in names:
                connection.putheader("Content-Length", str(len(body)))
            connection.putheader("Connection", "close")
            connection.endheaders()
            if body and chunked:
                for start in range(0, len(body), CHUNK):
                    piece = body[start : start + CHUNK]
                    connection.send(b"%x\r\n%s\r\n" % (len(piece), piece))
                connection.send(b"0\r\n\r\n")
            elif body:
                connection.send(body)
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            connection.close()

    return send


def run_http(
    base_url: str,
    *,
    sentinels: Iterable[str] = (),
    context: Mapping[str, str] | None = None,
) -> Result:
    """Send the whole catalogue to the server at ``base_url``.

    ``context`` adds to what the public API tells (the ids of hidden content,
    from :func:`bench.hostile.facts.hidden_facts` run against the server's
    database); kinds that need a value nobody gave are skipped. The result
    unpacks as ``kinds_tried, five_xx_count, leaks_count, failures``.
    """
    send = http_sender(base_url)
    found = public_context(send, host=urlsplit(base_url).hostname or "")
    return run(send, {**found, **(context or {})}, sentinels=sentinels)
