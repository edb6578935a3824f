"""The v3 API's interactive docs work offline, from the portal's own static files."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_docs_list_every_endpoint_and_run_a_request(
    seeded_portal, new_context, live_server
):
    page = new_context().new_page()
    outside = []

    def only_the_portal(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_portal)
    page.goto("/api/v3/docs/")

    for path in ("/api/v3/comments/", "/api/v3/stats/visitors/", "/api/v3/preview/"):
        expect(page.get_by_text(path, exact=True).first).to_be_visible()

    operation = page.locator("#operations-locales-list_locales")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    expect(
        operation.locator(
            ".live-responses-table td.response-col_status:not(.col_header)"
        )
    ).to_contain_text("200")
    expect(
        operation.locator(".live-responses-table .microlight").first
    ).to_contain_text(re.compile(r'"language_code": "vi"'))
    assert not outside, outside
