"""A reader opens the video index, then a story: poster, captions and transcript."""

import pytest
from playwright.sync_api import expect

from campaigns.models import VideoStoryIndexPage, VideoStoryPage
from home.demo import VIDEO_CAPTIONED_SLUG
from tests.browser.conftest import path_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_reader_watches_a_story_with_captions_and_reads_the_transcript(
    seeded_portal, new_context, screenshot_dir
):
    index = VideoStoryIndexPage.objects.get(locale__language_code="vi")
    story = VideoStoryPage.objects.get(slug=VIDEO_CAPTIONED_SLUG)
    page = new_context().new_page()

    page.goto(path_of(index))
    expect(page.get_by_role("heading", level=1)).to_have_text(index.title)
    page.get_by_role("link", name=story.title).first.click()
    page.wait_for_url(f"**{path_of(story)}")
    page.screenshot(path=screenshot_dir / "video-story.png", full_page=True)

    video = page.locator("video")
    expect(video).to_have_count(1)
    assert video.get_attribute("controls") is not None
    assert video.get_attribute("preload") == "metadata"
    assert video.get_attribute("poster")
    track = video.locator('track[kind="captions"]').first
    assert track.get_attribute("srclang") == "vi"
    captions = page.request.get(track.get_attribute("src"))
    assert captions.ok
    assert captions.headers["content-type"].startswith("text/vtt")
    assert captions.text().startswith("WEBVTT")

    transcript = page.locator("details", has=page.locator("summary"))
    summary = transcript.locator("summary").first
    expect(transcript.first).not_to_have_attribute("open", "")
    summary.click()
    expect(transcript.first).to_have_attribute("open", "")
    expect(transcript.first).to_contain_text(
        story.transcript.split("</p>")[0].removeprefix("<p>")[:20]
    )


def test_video_pages_have_no_serious_accessibility_violation(
    seeded_portal, new_context, axe_source
):
    index = VideoStoryIndexPage.objects.get(locale__language_code="vi")
    story = VideoStoryPage.objects.get(slug=VIDEO_CAPTIONED_SLUG)
    page = new_context(bypass_csp=True).new_page()
    for url in (path_of(index), path_of(story)):
        page.goto(url)
        page.add_script_tag(content=axe_source)
        violations = page.evaluate("async () => (await axe.run()).violations")
        serious = [
            f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}"
            for v in violations
            if v["impact"] in {"serious", "critical"}
        ]
        assert not serious, f"{url}: {serious}"
