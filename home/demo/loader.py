"""Load the demo content (DESIGN §9) in one transaction; a repeat run changes nothing.

Objects are found by slug (pages, tags), title (images, documents, media),
name (collections) or username, and only missing ones are created. Pages that
exist are never edited, so an editor's changes survive a re-seed; the one
exception is a demo campaign without related video stories, which gets them in
a new revision (see :mod:`home.demo.video_loader`).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site

from campaigns.models import (
    CampaignIndexPage,
    CampaignIndexPinnedCampaign,
    CampaignPage,
)
from home.demo import content, media
from home.demo.addresses import SiteAddress
from home.demo.body import resolve_body
from home.demo.catalogue import CAMPAIGNS, PINNED
from home.demo.publishing import (
    ensure_password_restriction,
    ensure_tag,
    publish_on,
)
from home.demo.spec import DRAFT, PRIVATE, PUBLIC, CampaignSpec
from home.demo.translations import ensure_english_editions
from home.demo.users import demo_password, ensure_demo_users
from home.demo.video_loader import ensure_video_stories
from home.models import HomePage, PortalSettings


@dataclass
class Summary:
    """What a run created and what it found already there, by kind."""

    created: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)
    #: Demo usernames → created by this run (empty when DEBUG is off).
    users: dict[str, bool] = field(default_factory=dict)

    def record(self, kind: str, created: bool) -> None:
        (self.created if created else self.present)[kind] += 1

    def __str__(self) -> str:
        def listing(counts: Counter) -> str:
            return ", ".join(f"{n} {kind}" for kind, n in counts.items()) or "nothing"

        return f"Created: {listing(self.created)}. Present: {listing(self.present)}."


def seed(*, stdout=None, address: SiteAddress | None = None) -> Summary:
    """Create whatever demo content is missing; returns what was done.

    ``address`` is where the province's site is served: its Site record is
    the one source of every absolute link (canonical, Open Graph, share links,
    feeds, API ``html_url``, exports, e-mails), so it is set only when given.
    """
    summary = Summary()
    with transaction.atomic():
        _, created = Locale.objects.get_or_create(language_code="vi")
        summary.record("locale", created)
        site, home = _ensure_home(summary)
        if address is not None:
            address.apply(site)
        _ensure_portal_settings(site, summary)
        ids = _ensure_media(summary)
        index = _ensure_index(home, summary)
        pages = _ensure_campaigns(index, ids, summary)
        _ensure_pins(home, index, pages, summary)
        ensure_video_stories(home, ids, summary)
        ensure_english_editions(summary)
        if settings.DEBUG:
            summary.users = ensure_demo_users(summary.record)
    if stdout is not None and summary.users:
        stdout.write(_users_note(summary.users))
    return summary


def _users_note(users: dict[str, bool]) -> str:
    names = ", ".join(users)
    note = f"Demo users: {names}; password: {demo_password()}"
    kept = [name for name, created in users.items() if not created]
    return note + (f" (kept existing: {', '.join(kept)})" if kept else "")


# --- Site and home page -----------------------------------------------------------
def _ensure_home(summary: Summary) -> tuple[Site, HomePage]:
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_page.specific if site else None
    if isinstance(root, HomePage):
        home, created = root, False
    else:
        home, created = _find_or_create_home()
        site = _point_site(site, home)
        _delete_welcome_page()
    summary.record("home page", created)
    if not site.site_name:
        site.site_name = content.PORTAL_NAME
        site.save(update_fields=["site_name"])
    return site, home


def _find_or_create_home() -> tuple[HomePage, bool]:
    existing = HomePage.objects.order_by("path").first()
    if existing is not None:
        return existing, False
    home = HomePage(
        title=content.HOME_TITLE,
        slug=content.HOME_SLUG,
        intro=content.HOME_INTRO,
        live=False,
    )
    Page.get_first_root_node().add_child(instance=home)
    return home, True


def _point_site(site: Site | None, home: HomePage) -> Site:
    if site is None:
        return Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=content.PORTAL_NAME,
        )
    site.root_page = home
    site.save(update_fields=["root_page"])
    return site


def _delete_welcome_page() -> None:
    welcome = Page.objects.filter(
        depth=2,
        numchild=0,
        title=content.WELCOME_TITLE,
        content_type=ContentType.objects.get_for_model(Page),
        sites_rooted_here__isnull=True,
    )
    for page in welcome:
        page.delete()


def _ensure_portal_settings(site: Site, summary: Summary) -> None:
    portal = PortalSettings.for_site(site)
    unset = [
        name
        for name in content.PORTAL_SETTINGS
        if getattr(portal, name) in ("", PortalSettings._meta.get_field(name).default)
    ]
    for name in unset:
        setattr(portal, name, content.PORTAL_SETTINGS[name])
    if unset:
        portal.save(update_fields=unset)
    summary.record("portal settings", bool(unset))


# --- Media -------------------------------------------------------------------------
def _ensure_media(summary: Summary) -> dict[str, dict[str, int]]:
    """Images, documents and the video embed; returns their ids by content key."""
    collection = media.ensure_collection()
    internal = media.ensure_internal_collection()
    images = [*content.BODY_IMAGES, *(spec.hero for spec in CAMPAIGNS)]
    documents = [
        *((spec, collection) for spec in content.EXTRA_DOCUMENTS),
        *(
            (spec.dispatch, collection if spec.status == PUBLIC else internal)
            for spec in CAMPAIGNS
        ),
    ]
    ids: dict[str, dict[str, int]] = {"image": {}, "document": {}}
    for number, spec in enumerate(images):
        image, created = media.ensure_image(spec, collection=collection, number=number)
        ids["image"][spec.key] = image.pk
        summary.record("images", created)
    for spec, home_collection in documents:
        document, created = media.ensure_document(spec, collection=home_collection)
        ids["document"][spec.key] = document.pk
        summary.record("documents", created)
    summary.record("video embeds", media.ensure_video_embed())
    return ids


# --- Pages -------------------------------------------------------------------------
def _ensure_index(home: HomePage, summary: Summary) -> CampaignIndexPage:
    index = CampaignIndexPage.objects.child_of(home).first()
    summary.record("campaign index", index is None)
    if index is not None:
        return index
    index = CampaignIndexPage(
        title=content.INDEX_TITLE,
        slug=content.INDEX_SLUG,
        intro=content.INDEX_INTRO,
        show_in_menus=True,
        live=False,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _ensure_campaigns(index, ids, summary: Summary) -> dict[str, CampaignPage]:
    """Every demo campaign under ``index``, by key.

    New pages are added first and given bodies afterwards, because bodies link
    to each other by page id.
    """
    existing = {page.slug: page for page in CampaignPage.objects.child_of(index)}
    pages, new = {}, []
    for spec in CAMPAIGNS:
        page = existing.get(spec.slug)
        if page is None:
            page = _add_campaign(index, spec, ids, summary)
            new.append(spec)
        summary.record("campaign pages", page.slug not in existing)
        pages[spec.key] = page
    ids["page"] = {key: page.pk for key, page in pages.items()}
    for spec in new:
        _save_body(pages[spec.key], spec, ids)
    for spec in CAMPAIGNS:
        if spec.status == PRIVATE:
            ensure_password_restriction(pages[spec.key], summary)
    return pages


def _add_campaign(index, spec: CampaignSpec, ids, summary: Summary) -> CampaignPage:
    page = CampaignPage(
        title=spec.title,
        slug=spec.slug,
        date=spec.date,
        source="CTTĐT",
        lead=spec.lead,
        hero_image_id=ids["image"][spec.hero.key],
        hero_caption=spec.hero_caption,
        slogan=spec.slogan,
        period_start=spec.period[0],
        period_end=spec.period[1],
        issuing_bodies="\n".join(spec.issuing_bodies),
        dispatch_number=spec.dispatch_number,
        dispatch_document_id=ids["document"][spec.dispatch.key],
        comments_enabled=True,
        live=False,
    )
    page.tags.add(*(ensure_tag(name, summary) for name in spec.tags))
    index.add_child(instance=page)
    return page


def _save_body(page: CampaignPage, spec: CampaignSpec, ids) -> None:
    """Give a new page its body; publish it unless it is the draft."""
    page.body = resolve_body(list(spec.body), ids)
    if spec.status == DRAFT:
        page.save_revision()
        return
    publish_on(page, spec.date)


def _ensure_pins(
    home: HomePage, index: CampaignIndexPage, pages: dict[str, CampaignPage], summary
) -> None:
    """Pin the demo's chosen campaigns on the index; publish it and the home, once."""
    pinned = CampaignIndexPinnedCampaign.objects.filter(index=index).exists()
    summary.record("campaign index pins", not pinned)
    if pinned:
        return
    index.pinned_campaigns = [
        CampaignIndexPinnedCampaign(campaign=pages[spec.key], sort_order=number)
        for number, spec in enumerate(PINNED)
    ]
    index.save_revision().publish()
    home.intro = home.intro or content.HOME_INTRO
    home.save_revision().publish()
