"""Sending the catalogue through any ``send`` function and counting what went wrong.

``send(method, path, headers, body) -> (status, headers, body)`` is the only
link to the site: Django's test client in the test suite, a real HTTP
connection in :func:`run_http`. ``headers`` of the answer may be a mapping or
a list of pairs; names are compared in lower case.
"""

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.hostile.catalogue import catalogue
from bench.hostile.judging import LeakDetector, reflections
from bench.hostile.kinds import Kind, fill, fill_bytes, fill_text, form_body, json_body

Answer = tuple[int, Mapping[str, str] | Iterable[tuple[str, str]], bytes]
Send = Callable[[str, str, Mapping[str, str], bytes | None], Answer]
#: Returns the answer of the captcha ``key``, or None when it cannot be known.
Solver = Callable[[str], str | None]

#: Answer sent when no solver knows the captcha: every field is still checked.
WRONG_CAPTCHA = "00000"

_HIDDEN_INPUT = re.compile(
    r'<input[^>]*\bname="(csrfmiddlewaretoken|captcha_key)"[^>]*>', re.IGNORECASE
)
_VALUE = re.compile(r'\bvalue="([^"]*)"')
_CSRF_COOKIE = re.compile(r"\bcsrftoken=([^;,\s]+)")


@dataclass
class Outcome:
    """What one kind got: its last status and everything wrong with its answers."""

    kind: str
    statuses: list[int] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.server_errors or self.leaks or self.unexpected)

    def describe(self) -> str:
        problems = [*self.server_errors, *self.leaks, *self.unexpected]
        return f"{self.kind} [{', '.join(map(str, self.statuses))}]: " + "; ".join(
            problems
        )


@dataclass
class Result:
    """The catalogue's run. Unpacks as ``(kinds_tried, five_xx, leaks, failures)``."""

    outcomes: list[Outcome] = field(default_factory=list)
    #: Kinds not sent, each with why (a value of the site that is unknown).
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def kinds_tried(self) -> int:
        return len(self.outcomes)

    @property
    def five_xx_count(self) -> int:
        return sum(len(outcome.server_errors) for outcome in self.outcomes)

    @property
    def leaks_count(self) -> int:
        return sum(len(outcome.leaks) for outcome in self.outcomes)

    @property
    def unexpected_count(self) -> int:
        return sum(len(outcome.unexpected) for outcome in self.outcomes)

    @property
    def failures(self) -> list[str]:
        return [outcome.describe() for outcome in self.outcomes if outcome.failed]

    def __iter__(self):
        yield from (self.kinds_tried, self.five_xx_count, self.leaks_count)
        yield self.failures

    def summary(self) -> str:
        lines = [
            f"hostile inputs: {self.kinds_tried} kinds tried, "
            f"{len(self.skipped)} skipped; {self.five_xx_count} x 5xx, "
            f"{self.leaks_count} leaks, {self.unexpected_count} unexpected answers"
        ]
        lines += [f"  FAIL {failure}" for failure in self.failures]
        lines += [f"  skipped {name}: {why}" for name, why in self.skipped.items()]
        return "\n".join(lines)


def run(
    send: Send,
    context: Mapping[str, str],
    *,
    sentinels: Iterable[str] = (),
    solve_captcha: Solver | None = None,
    kinds: list[Kind] | None = None,
) -> Result:
    """Send every kind (the whole catalogue by default) and judge every answer."""
    kinds = catalogue() if kinds is None else kinds
    names = [kind.name for kind in kinds]
    duplicated = {name for name in names if names.count(name) > 1}
    if duplicated:
        raise ValueError(f"kinds named twice: {sorted(duplicated)}")
    detector = LeakDetector(sentinels)
    result = Result()
    for number, kind in enumerate(kinds):
        missing = kind.placeholders() - set(context)
        if missing:
            result.skipped[kind.name] = f"unknown {', '.join(sorted(missing))}"
            continue
        outcome = Outcome(kind.name)
        # Each kind is its own browser: per-client rate limits start afresh.
        agent = f"Mozilla/5.0 (X11; Linux x86_64) HostileCatalogue/{number}"
        _Attempt(send, context, kind, agent, detector, solve_captcha, outcome).run()
        result.outcomes.append(outcome)
    return result


class _Attempt:
    """One kind sent: its preparations (a captcha, the form's CSRF token) and itself."""

    def __init__(self, send, context, kind, agent, detector, solve_captcha, outcome):
        self.send, self.context, self.kind = send, context, kind
        self.agent, self.detector, self.solve = agent, detector, solve_captcha
        self.outcome = outcome

    def run(self) -> None:
        try:
            requests = self._requests()
        except _Unprepared as refused:
            self.outcome.unexpected.append(f"could not prepare: {refused}")
            return
        for method, path, headers, body in requests:
            answer = self._exchange(method, path, headers, body)
            if answer is None:
                return
            status, answer_headers, answer_body = answer
            self.outcome.statuses.append(status)
            if self.kind.expect and status not in self.kind.expect:
                self.outcome.unexpected.append(
                    f"{status} where {'/'.join(map(str, self.kind.expect))} is right"
                )
            if self.kind.check:
                problem = self.kind.check(status, answer_headers, answer_body)
                if problem:
                    self.outcome.unexpected.append(problem)
            self.outcome.unexpected += reflections(
                answer_headers, answer_body, request_headers=headers
            )

    def _exchange(self, method, path, headers, body):
        """One request, judged for a 5xx and leaks; None when nothing came back."""
        try:
            status, raw_headers, answer_body = self.send(method, path, headers, body)
        except Exception as error:  # noqa: BLE001 -- reported as the kind's failure.
            self.outcome.server_errors.append(
                f"{method} {path[:120]}: no answer ({type(error).__name__}: {error})"
            )
            return None
        answer_headers = _lower(raw_headers)
        if status >= 500:
            self.outcome.server_errors.append(
                f"{method} {path[:120]} answered {status}: {answer_body[:200]!r}"
            )
        sent = b"\n".join(
            [
                path.encode("utf-8", "replace"),
                *(v.encode("utf-8", "replace") for v in headers.values()),
                body or b"",
            ]
        )
        leaked = self.detector.leaks(answer_headers, answer_body, sent=sent)
        if leaked:
            self.outcome.leaks += [
                f"{method} {path[:120]} ({status}) shows {s[:60]!r}" for s in leaked
            ]
        return status, answer_headers, answer_body

    def _requests(self) -> list[tuple[str, str, dict, bytes | None]]:
        kind, context = self.kind, self.context
        headers = {"User-Agent": self.agent}
        headers.update({k: fill_text(v, context) for k, v in kind.headers.items()})
        path = fill_text(kind.path, context)
        body = fill_bytes(kind.body, context) if kind.body is not None else None
        if kind.json is not None:
            value = fill(kind.json, context)
            if kind.captcha and isinstance(value, dict):
                value = {**self._captcha(headers), **value}
            body = json_body(value)
            headers.setdefault("Content-Type", "application/json")
        elif kind.form is not None:
            fields = [(name, fill(value, context)) for name, value in kind.form]
            if not kind.without_csrf:
                token, cookie, key = self._form_tokens(path, headers)
                headers["Cookie"] = f"csrftoken={cookie}"
                fields.append(("csrfmiddlewaretoken", token))
                if kind.captcha:
                    fields = self._with_captcha(fields, key)
            body = form_body(fields)
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return [(kind.method, path, headers, body)] * kind.repeat

    def _captcha(self, headers) -> dict:
        answer = self._exchange(
            "GET", "/api/v3/captcha/", {"User-Agent": headers["User-Agent"]}, None
        )
        if answer is None or answer[0] != 200:
            raise _Unprepared("no captcha challenge")
        key = json.loads(answer[2])["key"]
        return {"captcha_key": key, "captcha_value": self._solved(key)}

    def _solved(self, key: str) -> str:
        return (self.solve(key) if self.solve else None) or WRONG_CAPTCHA

    def _with_captcha(self, fields, key):
        named = {name for name, _ in fields}
        if "captcha_key" not in named:
            fields.append(("captcha_key", key))
        if "captcha_value" not in named:
            fields.append(("captcha_value", self._solved(key)))
        return fields

    def _form_tokens(self, path, headers) -> tuple[str, str, str]:
        """The CSRF token, its cookie and a captcha key, from the form at ``path``."""
        form_path = urlsplit(path).path
        answer = self._exchange(
            "GET", form_path, {"User-Agent": headers["User-Agent"]}, None
        )
        if answer is None or answer[0] != 200:
            raise _Unprepared(f"the form at {form_path} did not open")
        status, answer_headers, body = answer
        cookie = _CSRF_COOKIE.search(answer_headers.get("set-cookie", ""))
        inputs = {}
        for match in _HIDDEN_INPUT.finditer(body.decode("utf-8", "replace")):
            value = _VALUE.search(match.group(0))
            inputs[match.group(1)] = value.group(1) if value else ""
        if cookie is None or "csrfmiddlewaretoken" not in inputs:
            raise _Unprepared("the form carries no CSRF token")
        return (
            inputs["csrfmiddlewaretoken"],
            cookie.group(1),
            inputs.get("captcha_key", ""),
        )


class _Unprepared(Exception):
    """A preparation (captcha, form) failed, so the kind itself was not sent."""


def _lower(headers) -> dict[str, str]:
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    joined: dict[str, str] = {}
    for name, value in pairs:
        name = name.lower()
        # Several headers of one name (Set-Cookie) are kept, joined.
        joined[name] = f"{joined[name]}, {value}" if name in joined else value
    return joined
