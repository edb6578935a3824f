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
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import make_comment, make_image

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"
PREFIX = "/api/v3/"
#: The base URI the document's own refs are resolved against.
DOCUMENT_URI = "urn:openapi"

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
    "portal_texts",
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


def _pointer(*keys) -> str:
    return "".join("/" + str(key).replace("~", "~0").replace("/", "~1") for key in keys)


def _examples(node, keys=()):
    """Every example in ``node``: ``(pointer to its schema, where, value)``.

    Examples of a media type or parameter illustrate its ``schema``; a
    schema's own ``examples`` illustrate that schema.
    """
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _examples(item, (*keys, index))
        return
    if not isinstance(node, dict):
        return
    if "schema" in node:
        schema = _pointer(*keys, "schema")
        if "example" in node:
            yield schema, _pointer(*keys, "example"), node["example"]
        for name, example in node.get("examples", {}).items():
            yield schema, _pointer(*keys, "examples", name), example["value"]
    elif isinstance(node.get("examples"), list):
        for index, value in enumerate(node["examples"]):
            yield _pointer(*keys), _pointer(*keys, "examples", index), value
    for key, value in node.items():
        if key not in ("example", "examples"):
            yield from _examples(value, (*keys, key))


def _validator(document, pointer: str) -> Draft202012Validator:
    """A validator of the schema at ``pointer``, with the document's refs resolved."""
    registry = Registry().with_resource(
        DOCUMENT_URI,
        Resource.from_contents(document, default_specification=DRAFT202012),
    )
    return Draft202012Validator(
        {"$ref": f"{DOCUMENT_URI}#{pointer}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def test_every_example_matches_the_schema_it_illustrates(document):
    examples = list(_examples(document))
    assert len(examples) > 40
    wrong = {
        where: [error.message for error in errors]
        for schema, where, value in examples
        if (errors := list(_validator(document, schema).iter_errors(value)))
    }
    assert not wrong, wrong


def _resolved(document, schema: dict) -> dict:
    while "$ref" in schema:
        for key in schema["$ref"].removeprefix("#/").split("/"):
            document = document[key]
        schema = document
    return schema


def test_our_operations_have_examples_of_each_answer(document):
    missing = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if operation.get("operationId") not in OUR_OPERATIONS:
                continue
            media = [
                (f"{method.upper()} {path} {code}", content)
                for code, response in operation["responses"].items()
                for content in response.get("content", {}).values()
            ]
            if "requestBody" in operation:
                media += [
                    (f"{method.upper()} {path} body", content)
                    for content in operation["requestBody"]["content"].values()
                ]
            missing += [
                where
                for where, content in media
                if "example" not in content
                and "examples" not in content
                and "examples" not in _resolved(document, content["schema"])
            ]
    assert not missing, missing


def test_the_comment_validation_example_lists_field_errors(document):
    answer = document["paths"][f"{PREFIX}comments/"]["post"]["responses"]["400"]
    examples = answer["content"]["application/problem+json"]["examples"]
    errors = [
        error for ex in examples.values() for error in ex["value"].get("errors", [])
    ]
    assert {"captcha_value", "title", None} <= {error["field"] for error in errors}


def _same_keys(example, real, where="") -> list[str]:
    """Where ``real`` and ``example`` differ in the keys of their objects."""
    if isinstance(example, dict) and isinstance(real, dict):
        differences = (
            [f"{where}: {sorted(set(example) ^ set(real))}"]
            if set(example) != set(real)
            else []
        )
        for key in set(example) & set(real):
            differences += _same_keys(example[key], real[key], f"{where}.{key}")
        return differences
    if isinstance(example, list) and isinstance(real, list) and example and real:
        return _same_keys(example[0], real[0], f"{where}[0]")
    return []


def _success_example(document, path: str, method: str = "get"):
    response = document["paths"][path][method]["responses"]["200"]
    content = response["content"]["application/json"]
    if "examples" in content:
        return next(iter(content["examples"].values()))["value"]
    return _resolved(document, content["schema"])["examples"][0]


def test_real_answers_have_the_keys_of_the_examples(
    document, client, make_campaign, site
):
    from campaigns.models import CommentStatus

    # With a shared image, as the example has: its JSON-LD then names the image.
    page = make_campaign("Chiến dịch có ý kiến", hero_image=make_image())
    make_comment(
        page,
        status=CommentStatus.APPROVED,
        reply="Cảm ơn bạn đã góp ý.",
    )
    answers = {
        f"{PREFIX}locales/": "",
        f"{PREFIX}portal/": "",
        f"{PREFIX}comments/": f"?page={page.pk}",
        f"{PREFIX}captcha/": "",
        f"{PREFIX}stats/visitors/": "",
        f"{PREFIX}pages/": "?type=campaigns.CampaignPage",
        f"{PREFIX}pages/{{page_id}}/": "",
    }
    differences = []
    for path, query in answers.items():
        url = path.replace("{page_id}", str(page.pk)) + query
        response = client.get(url)
        assert response.status_code == 200, url
        differences += _same_keys(
            _success_example(document, path), response.json(), url
        )
    assert not differences, differences


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
