"""Drive a fresh Wagtail site that installed the plugin (run by check.sh).

Creates a campaign index with a campaign and a video story index with a story
under the site's own home page, then, over HTTP against the running server:
reads both pages and both APIs, counts a view through the page's beacon, posts
a comment through the captcha, and approves it with the admin's bulk action.

Run with the site's Python, its directory on PYTHONPATH and
DJANGO_SETTINGS_MODULE set; the argument is the server's base URL. HTTP uses the
standard library only, like a reader's browser would (cookies, CSRF token).
"""

import html
import json
import os
import re
import secrets
import sys
import time
from http.cookiejar import CookieJar
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urljoin
from urllib.request import HTTPCookieProcessor, Request, build_opener

import django

# Models and Wagtail load once Django is set up.
django.setup()

from captcha.models import CaptchaStore  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from wagtail.embeds.embeds import get_embed_hash  # noqa: E402
from wagtail.embeds.models import Embed  # noqa: E402
from wagtail.models import Site  # noqa: E402

import campaigns  # noqa: E402
from campaigns.models import (  # noqa: E402
    CampaignIndexPage,
    CampaignPage,
    Comment,
    CommentStatus,
    VideoStoryIndexPage,
    VideoStoryPage,
)

#: Not a crawler: crawlers' views are not counted.
BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
)
VIDEO_URL = "https://www.youtube.com/watch?v=freshsite1"
PARAGRAPH = "Toàn dân tham gia phong trào thi đua."
COMMENT = "Một ý kiến đóng góp cho phong trào."
SERVER_DEADLINE = 60  # seconds for runserver to answer


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def step(message):
    sys.stdout.write(f"  {message}\n")
    sys.stdout.flush()


class Client:
    """One visitor: a cookie jar and a browser's User-Agent."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = CookieJar()
        self.opener = build_opener(HTTPCookieProcessor(self.cookies))

    def request(self, path, data=None, *, expected=200):
        body = None if data is None else urlencode(data).encode()
        url = urljoin(self.base_url, path)
        # Always http(s): the base URL is the one check.sh started the server on.
        request = Request(url, data=body, headers={"User-Agent": BROWSER})  # noqa: S310
        try:
            with self.opener.open(request, timeout=30) as response:
                status, text = response.status, response.read().decode()
        except HTTPError as error:
            status, text = error.code, error.read().decode()
        expect(
            status == expected,
            f"{'POST' if data else 'GET'} {path}: {status}, expected {expected}\n"
            f"{text[:2000]}",
        )
        return text

    def json(self, path):
        return json.loads(self.request(path))

    def cookie(self, name):
        return next((c.value for c in self.cookies if c.name == name), None)


def form_value(page_html, name):
    """The value of the input called ``name`` in ``page_html``."""
    for tag in re.findall(r"<input\b[^>]*>", page_html):
        if re.search(rf'\bname="{re.escape(name)}"', tag):
            value = re.search(r'\bvalue="([^"]*)"', tag)
            return html.unescape(value[1]) if value else ""
    raise CheckFailed(f'no input "{name}" in the form')


def wait_for_server(client):
    pid = int(os.environ["SERVER_PID"])
    deadline = time.monotonic() + SERVER_DEADLINE
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            raise CheckFailed("the server stopped before answering") from None
        try:
            client.request("/admin/login/")
            return
        except (URLError, ConnectionError):
            expect(time.monotonic() < deadline, "the server did not answer in time")
            time.sleep(0.2)


def create_content():
    """The plugin's four page types under the fresh site's own home page."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    expect(
        type(home).__module__ == "home.models",
        f"the site's root is {type(home)}, not the fresh site's HomePage",
    )
    campaign_index = home.add_child(instance=CampaignIndexPage(title="Phong trào"))
    campaign = campaign_index.add_child(
        instance=CampaignPage(
            title="Phát động phong trào thi đua",
            lead="Phong trào thi đua yêu nước năm 2026.",
            body=[("paragraph", f"<p>{PARAGRAPH}</p>")],
        )
    )
    campaign.save_revision().publish()
    # Stored as if the provider had answered: the check needs no network.
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/freshsite1" '
        'title="Video" width="640" height="360"></iframe>',
        title="Video",
        provider_name="YouTube",
        width=640,
        height=360,
        thumbnail_url="",
    )
    story_index = home.add_child(instance=VideoStoryIndexPage(title="Phóng sự"))
    story = story_index.add_child(
        instance=VideoStoryPage(
            title="Một ngày ở làng nghề",
            lead="Phóng sự về làng nghề truyền thống.",
            video_url=VIDEO_URL,
        )
    )
    story.save_revision().publish()
    return campaign, story


def check_pages(client, campaign, story):
    pages = {}
    for page in (campaign, story):
        page_html = client.request(page.get_url())
        expect(page.title in html.unescape(page_html), f"{page.title!r} not shown")
        pages[page.pk] = page_html
    expect(PARAGRAPH in pages[campaign.pk], "the campaign's body is not shown")
    step("both pages served")
    return pages[campaign.pk]


def v2_campaign(client, campaign):
    listing = client.json(
        "/api/v2/pages/?type=campaigns.CampaignPage"
        "&fields=body,view_count,comment_count"
    )
    items = [item for item in listing["items"] if item["id"] == campaign.pk]
    expect(items, f"the campaign is not in the v2 listing: {listing}")
    return items[0]


def check_apis(client, campaign, story):
    item = v2_campaign(client, campaign)
    expect(
        any(PARAGRAPH in str(block["value"]) for block in item["body"]),
        f"v2 body lacks the paragraph: {item['body']}",
    )
    expect(item["view_count"] == 0, f"v2 view_count {item['view_count']}, not 0")
    expect(item["comment_count"] == 0, f"v2 comment_count {item['comment_count']}")
    story_item = client.json(f"/api/v2/pages/{story.pk}/")
    for field in ("body", "view_count", "comment_count"):
        expect(field in story_item, f"v2 story lacks {field}: {story_item}")
    for page in (campaign, story):
        detail = client.json(f"/api/v3/pages/{page.pk}/")
        for field in ("body", "view_count", "comment_count"):
            expect(field in detail, f"v3 page {page.pk} lacks {field}: {detail}")
        expect(detail["view_count"] == 0, f"v3 view_count {detail['view_count']}")
        expect(detail["comment_count"] == 0, "v3 comment_count is not 0")
        if page == campaign:
            expect(
                any(PARAGRAPH in str(block["value"]) for block in detail["body"]),
                f"v3 body lacks the paragraph: {detail['body']}",
            )
    step("v2 and v3 give body, view_count and comment_count")


def check_view(client, campaign, page_html):
    beacon = re.search(r'data-view-beacon="([^"]+)"', page_html)
    expect(beacon, "the campaign page has no data-view-beacon")
    # Without Redis the plugin counts in the database: no buffer to flush.
    client.request(html.unescape(beacon[1]), data={})
    count = v2_campaign(client, campaign)["view_count"]
    expect(count == 1, f"view_count is {count} after one view, not 1")
    step("one view counted through the beacon")


def post_comment(client, campaign):
    form_page = client.request(f"/comments/{campaign.pk}/")
    key = form_value(form_page, "captcha_key")
    answer = CaptchaStore.objects.get(hashkey=key).response
    client.request(
        f"/comments/{campaign.pk}/",
        data={
            "csrfmiddlewaretoken": form_value(form_page, "csrfmiddlewaretoken"),
            "name": "Nguyễn Văn An",
            "title": "Ý kiến",
            "content": COMMENT,
            "email": "",
            "website": "",
            "captcha_key": key,
            "captcha_value": answer,
        },
    )
    comment = Comment.objects.filter(page=campaign, content=COMMENT).first()
    expect(comment is not None, "the posted comment was not stored")
    expect(comment.status == CommentStatus.PENDING, f"new comment is {comment.status}")
    expect(v2_campaign(client, campaign)["comment_count"] == 0, "pending is counted")
    expect(
        COMMENT not in html.unescape(client.request(campaign.get_url())),
        "a pending comment is shown on the page",
    )
    step("comment posted through the captcha, pending and not shown")
    return comment


def approve(base_url, comment):
    password = secrets.token_urlsafe(16)
    get_user_model().objects.create_superuser("moderator", "mod@example.com", password)
    admin = Client(base_url)
    login = admin.request("/admin/login/")
    admin.request(
        "/admin/login/",
        data={
            "csrfmiddlewaretoken": form_value(login, "csrfmiddlewaretoken"),
            "username": "moderator",
            "password": password,
        },
    )
    expect(admin.cookie("sessionid"), "the superuser could not log in")
    meta = Comment._meta
    action = (
        f"/admin/bulk/{meta.app_label}/{meta.model_name}/approve/"
        f"?id={comment.pk}&next=/admin/"
    )
    confirm = admin.request(action)
    admin.request(
        action,
        data={
            "csrfmiddlewaretoken": form_value(confirm, "csrfmiddlewaretoken"),
            "note": "",
        },
    )
    comment.refresh_from_db()
    expect(
        comment.status == CommentStatus.APPROVED,
        f"after the bulk action the comment is {comment.status}",
    )
    step("comment approved through the admin's bulk action")


def check_approved(client, campaign):
    count = v2_campaign(client, campaign)["comment_count"]
    expect(count == 1, f"comment_count is {count} after approval, not 1")
    page_html = html.unescape(client.request(campaign.get_url()))
    expect(COMMENT in page_html, "the approved comment is not on the page")
    step("the approved comment is counted and shown")


def main(base_url):
    expect(
        "site-packages" in campaigns.__file__,
        f"campaigns comes from {campaigns.__file__}, not the installed wheel",
    )
    campaign, story = create_content()
    step("campaign index, campaign, video story index and story created")
    client = Client(base_url)
    wait_for_server(client)
    page_html = check_pages(client, campaign, story)
    check_apis(client, campaign, story)
    check_view(client, campaign, page_html)
    comment = post_comment(client, campaign)
    approve(base_url, comment)
    check_approved(client, campaign)


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except CheckFailed as failure:
        sys.stderr.write(f"FAILED: {failure}\n")
        sys.exit(1)
