"""Load the demo video index, video stories and the campaigns' links to them.

Stories are found by slug under the index and only missing ones are created.
A demo campaign gets its related video stories once, in a new published
revision, and only while it is live with nothing unpublished and no links yet:
an editor's own list, or pending draft, is never overwritten.
"""

from wagtail.models import Page

from campaigns.models import (
    CampaignPage,
    CampaignPageRelatedVideo,
    VideoCaption,
    VideoStoryIndexPage,
    VideoStoryPage,
)
from home.demo.body import resolve_body
from home.demo.publishing import (
    ensure_password_restriction,
    ensure_tag,
    publish_on,
)
from home.demo.spec import DRAFT, PRIVATE
from home.demo.video_media import (
    StoryAssets,
    ensure_collections,
    ensure_story_assets,
)
from home.demo.video_spec import (
    VIDEO_INDEX_INTRO,
    VIDEO_INDEX_SLUG,
    VIDEO_INDEX_TITLE,
    VideoStorySpec,
)
from home.demo.videos import CAMPAIGN_VIDEO_LINKS, VIDEO_STORIES

#: The caption track's language code and its label in the player's menu.
CAPTION_LANGUAGE, CAPTION_LABEL = "vi", "Tiếng Việt"


def ensure_video_stories(home: Page, ids, summary) -> dict[str, VideoStoryPage]:
    """Every demo video story (and its assets) under the video index, by key.

    ``ids`` maps content keys to primary keys, as the campaign loader built it;
    its ``"page"`` entry names the campaigns stories link to.
    """
    collections = ensure_collections(summary)
    assets = {
        spec.key: ensure_story_assets(
            spec, number=number, collections=collections, summary=summary
        )
        for number, spec in enumerate(VIDEO_STORIES)
    }
    index = _ensure_video_index(home, summary)
    existing = {page.slug: page for page in VideoStoryPage.objects.child_of(index)}
    _record_present_captions(existing.values(), summary)
    stories = {}
    for spec in VIDEO_STORIES:
        page = existing.get(spec.slug)
        summary.record("video stories", page is None)
        if page is None:
            page = _add_story(index, spec, assets[spec.key], ids, summary)
        if spec.status == PRIVATE:
            ensure_password_restriction(page, summary)
        stories[spec.key] = page
    _ensure_campaign_links(stories, ids, summary)
    return stories


def _ensure_video_index(home: Page, summary) -> VideoStoryIndexPage:
    index = VideoStoryIndexPage.objects.child_of(home).first()
    summary.record("video index", index is None)
    if index is not None:
        return index
    index = VideoStoryIndexPage(
        title=VIDEO_INDEX_TITLE,
        slug=VIDEO_INDEX_SLUG,
        intro=VIDEO_INDEX_INTRO,
        show_in_menus=True,
        live=False,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _add_story(
    index: VideoStoryIndexPage,
    spec: VideoStorySpec,
    assets: StoryAssets,
    ids,
    summary,
) -> VideoStoryPage:
    """Add a story, then publish it (dated ``spec.date``) unless it is the draft."""
    page = VideoStoryPage(
        title=spec.title,
        slug=spec.slug,
        date=spec.date,
        lead=spec.lead,
        video_id=assets.media_id,
        video_url=spec.video_url,
        poster_image_id=assets.poster_id,
        duration=spec.duration,
        transcript=spec.transcript_html,
        body=resolve_body(list(spec.body), ids),
        related_campaign_id=ids["page"][spec.campaign] if spec.campaign else None,
        comments_enabled=True,
        live=False,
    )
    page.tags.add(*(ensure_tag(name, summary) for name in spec.tags))
    if assets.captions_id is not None:
        page.captions = [
            VideoCaption(
                language=CAPTION_LANGUAGE,
                label=CAPTION_LABEL,
                document_id=assets.captions_id,
            )
        ]
        summary.record("caption tracks", True)
    index.add_child(instance=page)
    if spec.status == DRAFT:
        page.save_revision()
    else:
        publish_on(page, spec.date)
    return page


def _record_present_captions(pages, summary) -> None:
    found = VideoCaption.objects.filter(page__in=list(pages)).count()
    if found:
        summary.present["caption tracks"] += found


def _ensure_campaign_links(stories: dict[str, VideoStoryPage], ids, summary) -> None:
    """List the demo's video stories beside their campaigns, once per campaign."""
    campaign_ids = [ids["page"][key] for key in CAMPAIGN_VIDEO_LINKS]
    campaigns = CampaignPage.objects.in_bulk(campaign_ids)
    linked = set(
        CampaignPageRelatedVideo.objects.filter(page__in=campaign_ids).values_list(
            "page_id", flat=True
        )
    )
    for key, story_keys in CAMPAIGN_VIDEO_LINKS.items():
        campaign = campaigns.get(ids["page"][key])
        if campaign is not None and campaign.pk in linked:
            summary.record("campaign video lists", False)
            continue
        if campaign is None or not campaign.live or campaign.has_unpublished_changes:
            continue
        campaign.related_video_links = [
            CampaignPageRelatedVideo(video_story=stories[story_key], sort_order=order)
            for order, story_key in enumerate(story_keys)
        ]
        campaign.save_revision().publish()
        summary.record("campaign video lists", True)
