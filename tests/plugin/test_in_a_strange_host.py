"""The plugin in a host that is not ours: English only, Wagtail's own pages.

Everything a reader, an editor and a front-end does, with none of the site's
apps, templates or settings (``tests/plugin/settings.py``).
"""

import json

import pytest
from captcha.models import CaptchaStore
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from campaigns.comments.captcha import new_challenge
from campaigns.models import CampaignIndexPage, Comment, CommentStatus

pytestmark = pytest.mark.django_db


def test_indexes_may_live_under_any_page_type(host_home):
    assert CampaignIndexPage.can_create_at(host_home)
    assert Page in CampaignIndexPage.allowed_parent_page_models()


def test_campaign_page_renders_with_the_plugins_own_base_template(client, campaign):
    response = client.get(campaign.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en"' in html
    assert "<title>Vaccination week" in html
    assert "Bring your health book." in html
    assert 'property="og:site_name" content="Department of Health"' in html
    assert "data-view-beacon=" in html


def test_video_story_and_the_indexes_render(client, campaign, video_story):
    for page in (video_story, video_story.get_parent(), campaign.get_parent()):
        assert client.get(page.url).status_code == 200
    assert (
        "youtube-nocookie.com/embed/h" in client.get(video_story.url).content.decode()
    )


def test_campaign_feeds_answer(client, campaign):
    index = campaign.get_parent()
    rss = client.get(f"{index.url}rss/")
    atom = client.get(f"{index.url}atom/")
    assert rss.status_code == atom.status_code == 200
    assert b"Vaccination week" in rss.content and b"Vaccination week" in atom.content


def test_both_apis_give_body_and_counts(client, campaign):
    v2 = client.get(
        "/api/v2/pages/",
        {"type": "campaigns.CampaignPage", "fields": "body,view_count,comment_count"},
    ).json()
    [item] = v2["items"]
    assert item["body"][0]["value"] == "<p>Bring your health book.</p>"
    assert item["view_count"] == 0 and item["comment_count"] == 0

    v3 = client.get(f"/api/v3/pages/{campaign.pk}/").json()
    assert v3["body"] == item["body"]
    assert (v3["view_count"], v3["comment_count"]) == (0, 0)


def test_view_beacon_counts_once_per_visitor(client, campaign):
    url = f"/api/v3/pages/{campaign.pk}/views/"
    first = client.post(url, HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14)")
    again = client.post(url, HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14)")
    # 200: counted; 202: taken but not counted again for the same visitor.
    assert (first.status_code, again.status_code) == (200, 202)
    assert first.json()["view_count"] == again.json()["view_count"] == 1
    assert client.get(f"/api/v3/pages/{campaign.pk}/").json()["view_count"] == 1


def _comment(page) -> dict:
    key = new_challenge()["key"]
    return {
        "page": page.pk,
        "name": "Jane Reader",
        "title": "Opening hours",
        "content": "Is the clinic open on Saturday <b>morning</b>?",
        "captcha_key": key,
        "captcha_value": CaptchaStore.objects.get(hashkey=key).response,
    }


def test_comment_waits_for_a_moderator_then_shows_escaped(
    client, campaign, django_capture_on_commit_callbacks
):
    response = client.post(
        "/api/v3/comments/",
        json.dumps(_comment(campaign)),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert "Opening hours" not in client.get(campaign.url).content.decode()

    moderator = get_user_model().objects.create_user("moderator", password="x-Mod-26")
    moderator.groups.add(Group.objects.get(name="Campaign moderators"))
    client.force_login(moderator)
    bulk = reverse("wagtail_bulk_action", args=["campaigns", "comment", "approve"])
    confirm = client.get(bulk, {"id": comment.pk})
    assert confirm.status_code == 200 and "Opening hours" in confirm.content.decode()
    # The decision moves the content generation once its transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"{bulk}?id={comment.pk}", {"note": ""})
    assert done.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    client.logout()

    html = client.get(campaign.url).content.decode()
    assert "Opening hours" in html
    assert "Saturday &lt;b&gt;morning&lt;/b&gt;?" in html
    counts = client.get(f"/api/v3/pages/{campaign.pk}/").json()
    assert counts["comment_count"] == 1


def test_setup_grants_and_attaches_the_workflow_on_the_hosts_root(host_home):
    officers = Group.objects.get(name="Communications officers")
    assert GroupPagePermission.objects.filter(group=officers, page=host_home).exists()
    assert WorkflowPage.objects.get(page=host_home).workflow.active
