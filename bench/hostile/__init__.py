"""A catalogue of hostile inputs and a runner that counts 5xx answers and leaks.

Issue "Nothing lost, nobody in": every public surface of the portal and the
plugin gets malformed, oversized, forged and out-of-range input; no answer may
be a server error or show anything that is not public.

- :func:`bench.hostile.catalogue.catalogue`: the kinds, as data;
- :func:`bench.hostile.runner.run`: sends them through any ``send`` function
  (Django's test client in ``tests/test_hostile_inputs.py``);
- :func:`bench.hostile.over_http.run_http`: the same against a running server;
- :func:`bench.hostile.facts.hidden_facts`: what must not leak, from the
  database, where Django is set up.

Nothing here imports Django at module level.
"""

from bench.hostile.catalogue import catalogue
from bench.hostile.discovery import public_context
from bench.hostile.facts import Facts, hidden_facts
from bench.hostile.over_http import http_sender, run_http
from bench.hostile.runner import Result, run

__all__ = [
    "Facts",
    "Result",
    "catalogue",
    "hidden_facts",
    "http_sender",
    "public_context",
    "run",
    "run_http",
]
