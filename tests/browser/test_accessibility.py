"""The public pages pass axe-core and load cleanly under the site's CSP."""

import pytest

from campaigns.models import CampaignIndexPage, CampaignPage
from home.demo import INDEX_SLUG, REFERENCE_SLUG
from tests.browser.conftest import path_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BLOCKING_IMPACTS = {"serious", "critical"}

#: Records what the browser blocked; init scripts are not subject to the CSP.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}` +
      ` (${event.sourceFile || "document"}:${event.lineNumber})`
  );
});
"""


def public_pages() -> dict[str, str]:
    """Home, the campaign index, the reference campaign (every block type) and
    search results (labels and marked words)."""
    return {
        "home": "/",
        "campaign index": path_of(
            CampaignIndexPage.objects.get(slug=INDEX_SLUG, locale__language_code="vi")
        ),
        "campaign page": path_of(CampaignPage.objects.get(slug=REFERENCE_SLUG)),
        "search results": "/search/?q=m%E1%BA%ABu",
    }


def load_fully(page, url):
    """Open ``url`` and scroll to the end so that lazy images load too."""
    response = page.goto(url)
    assert response.status == 200, f"{url} answered {response.status}"
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    return response


def describe(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"  {violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        lines.extend(
            f"    {' '.join(node['target'])}: {node['html'][:200]}"
            for node in violation["nodes"][:5]
        )
    return "\n".join(lines)


def test_public_pages_have_no_serious_axe_violations(
    seeded_portal, new_context, axe_source
):
    # The CSP (rightly) forbids injected scripts; this context ignores it for axe.
    page = new_context(bypass_csp=True).new_page()
    report = []
    for name, url in public_pages().items():
        load_fully(page, url)
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']}))"
            ".violations"
        )
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            report.append(f"{name} ({url}):\n{describe(blocking)}")
    assert not report, "axe-core violations:\n" + "\n".join(report)


def test_public_pages_load_without_console_errors_or_csp_violations(
    seeded_portal, new_context
):
    context = new_context()
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    problems = []

    def on_console(message):
        if message.type == "error" or "Content Security Policy" in message.text:
            where = message.location.get("url", "")
            problems.append(f"console {message.type}: {message.text} {where}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    def on_response(response):
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    page.on("response", on_response)
    for name, url in public_pages().items():
        response = load_fully(page, url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        problems.extend(page.evaluate("window.__cspViolations"))
        assert not problems, f"{name} ({url}):\n" + "\n".join(problems)
