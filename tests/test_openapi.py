"""The v3 OpenAPI document: valid, complete, and pinned by a snapshot (issue 8).

After an intended change of the API, update the snapshot with::

    UPDATE_OPENAPI_SNAPSHOT=1 DJANGO_SETTINGS_MODULE=cms.settings.test \\
        .venv/bin/pytest tests/test_openapi.py

and commit ``tests/snapshots/openapi.json`` with the change.
"""

import json
import os
import re
from pathlib import Path

import pytest
from django.urls import get_resolver
from django.urls.resolvers import URLResolver
from openapi_spec_validator import validate

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"
PREFIX = "/api/v3/"

#: The operations this project adds or replaces (the rest are Wagtail's own).
OUR_OPERATIONS = {
    "list_locales",
    "comments_list",
    "comments_create",
    "captcha_create",
    "count_page_view",
    "visitor_statistics",
    "pages_list",
    "pages_find",
    "pages_detail",
    "preview_page",
}


@pytest.fixture
def document(client, db):
    response = client.get(f"{PREFIX}openapi.json")
    assert response.status_code == 200
    return response.json()


def _v3_patterns(resolver=None, prefix=""):
    """Every URL pattern of the API, as an OpenAPI path template."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _v3_patterns(pattern, route)
        elif ("/" + route).startswith(PREFIX):
            yield re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", "/" + route)


def test_the_document_is_valid_openapi(document):
    validate(document)


def test_every_url_of_the_api_is_documented(document):
    undocumented = {
        path
        for path in _v3_patterns()
        if path != PREFIX
        and path not in document["paths"]
        and not path.endswith(("/openapi.json", "/docs/"))
    }
    assert not undocumented, sorted(undocumented)


def test_our_operations_are_fully_described(document):
    problem_types = {"application/problem+json"}
    seen = set()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if operation.get("operationId") not in OUR_OPERATIONS:
                continue
            seen.add(operation["operationId"])
            where = f"{method.upper()} {path}"
            assert operation.get("summary"), where
            success = [code for code in operation["responses"] if code.startswith("2")]
            assert success, where
            for code in success:
                content = operation["responses"][code].get("content", {})
                assert any("schema" in media for media in content.values()), (
                    where,
                    code,
                )
            errors = {
                code: response
                for code, response in operation["responses"].items()
                if code.startswith("4")
            }
            assert errors, f"{where} documents no 4xx problem response"
            for code, response in errors.items():
                assert problem_types & set(response.get("content", {})), (where, code)
    assert seen == OUR_OPERATIONS


def test_the_document_matches_the_snapshot(document):
    rendered = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_OPENAPI_SNAPSHOT") == "1":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(rendered, encoding="utf-8")
    assert SNAPSHOT.exists(), (
        f"No snapshot at {SNAPSHOT}; create it with UPDATE_OPENAPI_SNAPSHOT=1."
    )
    assert rendered == SNAPSHOT.read_text(encoding="utf-8"), (
        "The v3 OpenAPI document changed. If the change is intended, run the test "
        "again with UPDATE_OPENAPI_SNAPSHOT=1 and commit tests/snapshots/openapi.json."
    )
