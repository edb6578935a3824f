"""The preview panel beside the editor shows the page, in both preview modes.

The live server runs on a random port, never 8000: nothing in the preview may
point at a fixed address. The headless mode frames the site's front-end
(here a one-file static server on its own origin), which the admin's content
security policy must allow; public pages keep refusing to be framed.
"""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from campaigns.models import HeadlessPreviewSettings
from tests.browser.test_editor_publishes_campaign import _admin_user, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FRONT_END = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Front-end</title></head><body><h1 id="front-end">Front-end preview</h1>
<p id="query"></p><script>document.getElementById("query").textContent =
location.search;</script></body></html>"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def front_end(tmp_path):
    """A front-end preview page on its own origin."""
    (tmp_path / "preview.html").write_text(FRONT_END, encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/preview.html"
    server.shutdown()
    server.server_close()


def test_the_preview_panel_shows_the_page_in_both_modes(
    new_context, live_server, django_user_model, make_campaign, front_end
):
    assert not live_server.url.endswith(":8000")
    campaign = make_campaign("Chiến dịch xem trước trong khung")
    site = Site.objects.get(is_default_site=True)
    preview_settings = HeadlessPreviewSettings.for_site(site)
    preview_settings.front_end_url = front_end
    preview_settings.save()
    editor = _admin_user(django_user_model, "editor", "Communications officers")

    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text))
    log_in(page, editor)
    page.goto(f"/admin/pages/{campaign.pk}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()

    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.get_by_role("heading", level=1)).to_have_text(campaign.title)

    page.locator("#id_preview_mode").select_option("headless")
    front = frame.frame_locator("iframe.headless-preview__frame")
    expect(front.locator("#front-end")).to_have_text("Front-end preview")
    expect(front.locator("#query")).to_contain_text("token=")
    assert not [text for text in refused if "frame" in text.lower()], refused

    # Public pages still refuse to be framed by anyone.
    response = page.request.get(campaign.get_url_parts()[2])
    assert response.headers.get("x-frame-options") == "DENY"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
