"""Headless preview: a signed token, at most ten minutes old, gives the draft."""

import re
import time
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse

from campaigns import preview as preview_module
from campaigns.preview import MAX_AGE, make_preview_token

PROBLEM_JSON = "application/problem+json"
PREVIEW_URL = "/api/v3/preview/"


def _with_draft(
    page, title="Tiêu đề bản nháp mới", paragraph="Đoạn văn chỉ có trong bản nháp."
):
    """Save an unpublished revision of the live ``page`` with a new title and body."""
    draft = page.get_latest_revision_as_object()
    draft.title = title
    draft.body = [("paragraph", f"<p>{paragraph}</p>")]
    draft.save_revision()
    page.refresh_from_db()
    return page


def _body_text(detail) -> str:
    return str(detail["body"])


@pytest.fixture
def edited_campaign(make_campaign):
    page = make_campaign(
        "Tiêu đề đang đăng", body=[("paragraph", "<p>Nội dung công khai.</p>")]
    )
    return _with_draft(page)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "bientap", "bt@example.vn", "pw-editor-1"
    )


@pytest.mark.django_db
def test_a_token_gives_the_draft_title_and_body(client, edited_campaign):
    response = client.get(PREVIEW_URL, {"token": make_preview_token(edited_campaign)})
    assert response.status_code == 200
    detail = response.json()
    assert detail["id"] == edited_campaign.pk
    assert detail["title"] == "Tiêu đề bản nháp mới"
    assert "Đoạn văn chỉ có trong bản nháp." in _body_text(detail)
    assert "Nội dung công khai." not in _body_text(detail)
    assert detail["meta"]["type"] == "campaigns.CampaignPage"


@pytest.mark.django_db
def test_a_token_gives_a_never_published_draft(client, draft_campaign):
    response = client.get(PREVIEW_URL, {"token": make_preview_token(draft_campaign)})
    assert response.status_code == 200
    assert response.json()["title"] == "Bản nháp bí mật"


@pytest.mark.django_db
def test_the_token_may_come_in_a_header(client, edited_campaign):
    response = client.get(
        PREVIEW_URL, headers={"X-Preview-Token": make_preview_token(edited_campaign)}
    )
    assert response.status_code == 200
    assert response.json()["title"] == "Tiêu đề bản nháp mới"


@pytest.mark.django_db
def test_a_token_names_its_revision_not_later_ones(client, edited_campaign):
    token = make_preview_token(edited_campaign)
    _with_draft(edited_campaign, title="Một bản nháp sau đó")
    assert (
        client.get(PREVIEW_URL, {"token": token}).json()["title"]
        == "Tiêu đề bản nháp mới"
    )


@pytest.mark.django_db
def test_a_page_without_a_draft_gives_its_live_content(
    client, make_campaign, home_page
):
    page = make_campaign("Chỉ có bản đang đăng")
    detail = client.get(PREVIEW_URL, {"token": make_preview_token(page)}).json()
    assert detail["title"] == "Chỉ có bản đang đăng"

    assert home_page.latest_revision_id is None  # created without any revision
    detail = client.get(PREVIEW_URL, {"token": make_preview_token(home_page)}).json()
    assert detail["id"] == home_page.pk
    assert detail["title"] == home_page.title


@pytest.mark.django_db
def test_answers_are_never_stored_by_a_cache(client, edited_campaign):
    response = client.get(PREVIEW_URL, {"token": make_preview_token(edited_campaign)})
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response
    refused = client.get(PREVIEW_URL, {"token": "khong-hop-le"})
    assert refused["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_an_expired_token_is_refused(client, edited_campaign, monkeypatch):
    signed_at = time.time() - MAX_AGE - 5
    with monkeypatch.context() as patched:
        patched.setattr(signing.time, "time", lambda: signed_at)
        token = make_preview_token(edited_campaign)
    response = client.get(PREVIEW_URL, {"token": token})
    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["detail"] == "The preview token has expired."
    assert "bản nháp" not in response.content.decode()


@pytest.mark.django_db
def test_a_token_just_under_ten_minutes_old_still_works(
    client, edited_campaign, monkeypatch
):
    signed_at = time.time() - MAX_AGE + 30
    with monkeypatch.context() as patched:
        patched.setattr(signing.time, "time", lambda: signed_at)
        token = make_preview_token(edited_campaign)
    assert client.get(PREVIEW_URL, {"token": token}).status_code == 200


def _tampered_tokens(page, other_page):
    token = make_preview_token(page)
    payload, _, signature = token.rpartition(":")
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    other_payload = make_preview_token(other_page).split(":")[0]
    return {
        "flipped signature": f"{payload}:{flipped}",
        "payload of another page": f"{other_payload}:{token.split(':', 1)[1]}",
        "unsigned payload": signing.b64_encode(b'{"page":1,"revision":null}').decode(),
        "other salt": signing.dumps({"page": page.pk, "revision": None}),
        "garbage": "abc:def:ghi",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind",
    [
        "flipped signature",
        "payload of another page",
        "unsigned payload",
        "other salt",
        "garbage",
    ],
)
def test_a_tampered_token_is_refused(client, edited_campaign, draft_campaign, kind):
    token = _tampered_tokens(edited_campaign, draft_campaign)[kind]
    response = client.get(PREVIEW_URL, {"token": token})
    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.content.decode()
    assert "bản nháp" not in body.lower()
    assert "Bản nháp bí mật" not in body


@pytest.mark.django_db
def test_no_token_is_a_401_problem(client, editor, edited_campaign):
    client.force_login(editor)  # an editor's session gives no right here
    response = client.get(PREVIEW_URL)
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM_JSON


@pytest.mark.django_db
def test_a_token_for_a_deleted_page_is_a_404_problem(client, draft_campaign):
    token = make_preview_token(draft_campaign)
    draft_campaign.delete()
    response = client.get(PREVIEW_URL, {"token": token})
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_JSON


@pytest.mark.django_db
def test_without_a_token_no_draft_is_reachable(
    client, editor, edited_campaign, draft_campaign
):
    for as_editor in (False, True):
        if as_editor:
            client.force_login(editor)  # session cookies never elevate the APIs
        v3 = client.get(f"/api/v3/pages/{edited_campaign.pk}/", {"version": "draft"})
        assert v3.status_code == 200
        assert v3.json()["title"] == "Tiêu đề đang đăng"
        assert "bản nháp" not in v3.content.decode()
        hidden = client.get(f"/api/v3/pages/{draft_campaign.pk}/", {"version": "draft"})
        assert hidden.status_code == 404
        found = client.get(
            "/api/v3/pages/find/",
            {"id": draft_campaign.pk, "version": "draft"},
            follow=True,
        )
        assert found.status_code == 404
        v2 = client.get(f"/api/v2/pages/{edited_campaign.pk}/", {"version": "draft"})
        assert v2.json()["title"] == "Tiêu đề đang đăng"
        assert client.get(f"/api/v2/pages/{draft_campaign.pk}/").status_code == 404
        listing = client.get("/api/v2/pages/", {"search": "bản nháp"}).content.decode()
        assert "Bản nháp bí mật" not in listing
        assert "Tiêu đề bản nháp mới" not in listing


def _headless_admin_preview(client, page):
    url = reverse(
        "wagtailadmin_pages:revisions_view", args=[page.pk, page.latest_revision_id]
    )
    return client.get(url, {"mode": "headless"})


def _token_from(html: str) -> str:
    link = re.search(r'href="([^"]*/api/v3/preview/\?[^"]*)"', html)
    assert link, html
    return parse_qs(urlsplit(unescape(link.group(1))).query)["token"][0]


@pytest.mark.django_db
def test_the_headless_mode_is_offered_after_wagtails_page_preview(
    edited_campaign, make_video_story
):
    assert edited_campaign.default_preview_mode == ""
    assert [mode for mode, _ in edited_campaign.preview_modes] == ["", "headless"]
    assert [mode for mode, _ in make_video_story().preview_modes] == ["", "headless"]


@pytest.mark.django_db
def test_the_default_preview_still_renders_the_page(edited_campaign):
    draft = edited_campaign.get_latest_revision_as_object()
    response = draft.make_preview_request(preview_mode="")
    assert response.status_code == 200
    assert "Đoạn văn chỉ có trong bản nháp." in response.content.decode()


@pytest.mark.django_db
def test_an_editor_gets_a_working_token_from_the_headless_preview(
    client, editor, edited_campaign
):
    client.force_login(editor)
    response = _headless_admin_preview(client, edited_campaign)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = _token_from(response.content.decode())
    client.logout()
    detail = client.get(PREVIEW_URL, {"token": token}).json()
    assert detail["title"] == "Tiêu đề bản nháp mới"


@pytest.mark.django_db
def test_the_headless_preview_frames_the_configured_front_end(
    client, editor, edited_campaign, settings
):
    settings.CAMPAIGNS_HEADLESS_PREVIEW_URL = "https://portal.example.vn/xem-truoc"
    client.force_login(editor)
    html = _headless_admin_preview(client, edited_campaign).content.decode()
    frame = re.search(r'<iframe[^>]*src="([^"]+)"', html)
    assert frame
    address = urlsplit(unescape(frame.group(1)))
    assert (
        f"{address.scheme}://{address.netloc}{address.path}"
        == settings.CAMPAIGNS_HEADLESS_PREVIEW_URL
    )
    query = parse_qs(address.query)
    assert query["page"] == [str(edited_campaign.pk)]
    assert preview_module.read_preview_token(query["token"][0]) == (
        edited_campaign.pk,
        edited_campaign.latest_revision_id,
    )


@pytest.mark.django_db
def test_the_headless_preview_is_refused_without_edit_rights(
    client, django_user_model, edited_campaign
):
    response = _headless_admin_preview(client, edited_campaign)
    assert response.status_code == 302
    assert "/login/" in response["Location"]

    reader = django_user_model.objects.create_user("docgia", password="pw-reader-1")
    client.force_login(reader)
    response = _headless_admin_preview(client, edited_campaign)
    assert response.status_code in (302, 403)
    assert "/api/v3/preview/" not in response.content.decode()


@pytest.mark.django_db
def test_the_openapi_document_describes_the_preview(client):
    document = client.get("/api/v3/openapi.json").json()
    operation = document["paths"]["/api/v3/preview/"]["get"]
    assert operation["operationId"] == "preview_page"
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    assert {"token", "X-Preview-Token"} <= parameters
    assert {"200", "401", "403", "404"} <= set(operation["responses"])
    problem = operation["responses"]["403"]["content"]
    assert PROBLEM_JSON in problem


@pytest.mark.django_db
def test_the_editors_preview_panel_offers_the_headless_mode(
    client, editor, edited_campaign
):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[edited_campaign.pk])
    unsaved = nested_form_data(
        {
            "title": "Tiêu đề chưa lưu",
            "slug": edited_campaign.slug,
            "lead": "Tóm tắt chưa lưu.",
            "date": "2026-11-25",
            "source": "CTTĐT",
            "tags": "lao-dong",
            "body": streamfield([("paragraph", rich_text("<p>Chưa lưu.</p>"))]),
            "related_video_links": inline_formset([]),
        }
    )
    assert client.post(url, unsaved).json()["is_valid"] is True
    response = client.get(url, {"mode": "headless", "in_preview_panel": "true"})
    assert response.status_code == 200
    token = _token_from(response.content.decode())
    client.logout()
    # The front-end sees the unsaved edits, kept in the cache for ten minutes.
    detail = client.get(PREVIEW_URL, {"token": token}).json()
    assert detail["title"] == "Tiêu đề chưa lưu"
    assert "Chưa lưu." in _body_text(detail)
    assert edited_campaign.get_latest_revision_as_object().title != "Tiêu đề chưa lưu"

    # Once the cached content is gone, the token falls back to its revision.
    cache.clear()
    detail = client.get(PREVIEW_URL, {"token": token}).json()
    assert detail["title"] == "Tiêu đề bản nháp mới"


@pytest.mark.django_db
def test_previewing_an_older_revision_shows_that_revision(
    client, editor, edited_campaign
):
    older = edited_campaign.revisions.order_by("created_at", "pk").first()
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:revisions_view", args=[edited_campaign.pk, older.pk]
    )
    token = _token_from(client.get(url, {"mode": "headless"}).content.decode())
    client.logout()
    assert (
        client.get(PREVIEW_URL, {"token": token}).json()["title"] == "Tiêu đề đang đăng"
    )


def _csp(response) -> dict[str, str]:
    header = response.get("Content-Security-Policy", "")
    return dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in header.split(";") if part
    )


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["", "headless"])
def test_the_preview_panel_may_frame_the_preview_and_nothing_else_may(
    client, editor, edited_campaign, settings, mode
):
    settings.CAMPAIGNS_HEADLESS_PREVIEW_URL = "https://portal.example.vn/xem-truoc"
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:revisions_view",
        args=[edited_campaign.pk, edited_campaign.latest_revision_id],
    )
    preview = client.get(url, {"mode": mode})
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    policy = _csp(preview)
    assert policy["frame-ancestors"] == "'self'"
    if mode == "headless":
        assert "https://portal.example.vn" in policy["frame-src"].split()

    client.logout()
    public = client.get(edited_campaign.get_url_parts()[2])
    assert public["X-Frame-Options"] == "DENY"
    assert _csp(public)["frame-ancestors"] == "'none'"
