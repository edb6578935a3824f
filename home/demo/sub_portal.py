"""The demo's second site: a department's sub-portal beside the province's (DESIGN §12).

The Department of Labour, Invalids and Social Affairs publishes on its own
host name, ``so-lao-dong.localhost`` (browsers send every ``*.localhost`` name
to 127.0.0.1, so ``make run`` serves it at http://so-lao-dong.localhost:8000/ and gives
``seed_demo`` that address).
It has its own home page, settings, portal texts, one campaign with comments,
and its own, smaller visitor history (seeded by ``seed_demo``).
"""

from datetime import date

from django.db import transaction
from wagtail.models import Collection, Page, Site

from campaigns.models import CampaignIndexPage, CampaignPage
from home.demo import media
from home.demo.addresses import SiteAddress
from home.demo.body import key_facts, paragraph, resolve_body
from home.demo.content import ImageSpec, short_slug
from home.demo.publishing import publish_on
from home.models import HomePage, PortalSettings, PortalText

HOSTNAME = "so-lao-dong.localhost"
SITE_NAME = "Sở Lao động – Thương binh và Xã hội tỉnh Lào Cai"
#: Share of the province's visits the department's portal draws.
VISIT_SCALE = 0.12

HOME_TITLE = "Trang chủ Sở Lao động – Thương binh và Xã hội"
HOME_SLUG = "so-lao-dong"
HOME_INTRO = (
    "<p>Trang thông tin của <b>Sở Lao động – Thương binh và Xã hội tỉnh Lào Cai</b>: "
    "việc làm, an toàn lao động, chính sách người có công và bảo trợ xã hội.</p>"
)
INDEX_TITLE = "Tuyên truyền của Sở"
INDEX_INTRO = (
    "<p>Các đợt tuyên truyền do Sở phát động cùng công đoàn và doanh nghiệp.</p>"
)

PORTAL_SETTINGS = {
    "portal_name": SITE_NAME,
    "tagline": "Việc làm bền vững – An toàn lao động – An sinh xã hội",
    "agency": "Sở Lao động – Thương binh và Xã hội tỉnh Lào Cai",
    "address": "Số 5 đường Hoàng Liên, tỉnh Lào Cai (địa chỉ demo)",
    "phone": "0214 3800 555",
    "email": "soldtbxh@laocai.example.gov.vn",
    "licence": "Trang thông tin thành phần của Cổng thông tin điện tử tỉnh (bản demo).",
}

HERO = ImageSpec(
    "an-toan-lao-dong-2026",
    "Công nhân đội mũ bảo hộ trên công trường",
    "Hai công nhân đội mũ bảo hộ, đeo dây an toàn, kiểm tra giàn giáo.",
)
CAMPAIGN_TITLE = "Tháng hành động về an toàn, vệ sinh lao động năm 2026"
CAMPAIGN_SLUG = short_slug(CAMPAIGN_TITLE)
CAMPAIGN_DATE = date(2026, 4, 20)
CAMPAIGN_LEAD = (
    "Sở phối hợp với Liên đoàn Lao động tỉnh tổ chức Tháng hành động từ ngày 1 đến "
    "31/5/2026, tập trung vào lao động trên công trường và trong hầm mỏ."
)
CAMPAIGN_BODY = (
    paragraph(
        "Chủ đề năm nay là “Tăng cường chuyển đổi số trong công tác an toàn, vệ sinh "
        "lao động”. Các doanh nghiệp tự kiểm tra nơi làm việc, rà soát thiết bị có "
        "yêu cầu nghiêm ngặt và huấn luyện lại cho người lao động."
    ),
    key_facts(
        "Những con số chính",
        ("Thời gian", "01–31/5/2026"),
        ("Doanh nghiệp tự kiểm tra", "Ít nhất 300"),
        ("Người lao động được huấn luyện", "12.000"),
    ),
    paragraph(
        "Người lao động phát hiện nguy cơ mất an toàn có thể báo cho công đoàn cơ sở "
        "hoặc gọi đường dây nóng của Sở trong giờ hành chính."
    ),
)


@transaction.atomic
def ensure_sub_portal(summary, address: SiteAddress | None = None) -> Site:
    """The sub-portal's site, pages and settings; what exists is left as it is.

    ``address`` moves its Site record to where it is served (see
    :mod:`home.demo.addresses`).
    """
    home = _ensure_home(summary)
    site = _ensure_site(home, summary)
    if address is not None:
        address.apply(site)
    _ensure_portal_settings(site, summary)
    collection = ensure_collection()
    image, created = media.ensure_image(HERO, collection=collection, number=7)
    summary.record("images", created)
    index = _ensure_index(home, summary)
    _ensure_campaign(index, image, summary)
    return site


def sub_portal_site() -> Site | None:
    """The sub-portal's Site, wherever it is served: the one rooted at its home."""
    return Site.objects.filter(root_page__depth=2, root_page__slug=HOME_SLUG).first()


def ensure_collection() -> Collection:
    """The sub-portal's own collection, for the images its officers upload."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=SITE_NAME).first()
    return existing or root.add_child(name=SITE_NAME)


def _ensure_home(summary) -> HomePage:
    home = HomePage.objects.filter(depth=2, slug=HOME_SLUG).first()
    summary.record("home page", home is None)
    if home is not None:
        return home
    home = HomePage(title=HOME_TITLE, slug=HOME_SLUG, intro=HOME_INTRO, live=False)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    return home


def _ensure_site(home: HomePage, summary) -> Site:
    # Until told its address, the host name alone selects it.
    site = sub_portal_site()
    summary.record("sites", site is None)
    if site is None:
        return Site.objects.create(
            hostname=HOSTNAME, port=80, root_page=home, site_name=SITE_NAME
        )
    return site


def _ensure_portal_settings(site: Site, summary) -> None:
    portal = PortalSettings.for_site(site)
    unset = [
        name
        for name in PORTAL_SETTINGS
        if getattr(portal, name) in ("", PortalSettings._meta.get_field(name).default)
    ]
    for name in unset:
        setattr(portal, name, PORTAL_SETTINGS[name])
    if unset:
        portal.save(update_fields=unset)
    summary.record("portal settings", bool(unset))
    texts = {name: PORTAL_SETTINGS[name] for name in PortalText.TEXT_FIELDS}
    _, created = PortalText.objects.get_or_create(
        site=site, locale=site.root_page.locale, defaults=texts
    )
    summary.record("portal texts", created)


def _ensure_index(home: HomePage, summary) -> CampaignIndexPage:
    index = CampaignIndexPage.objects.child_of(home).first()
    summary.record("campaign index", index is None)
    if index is not None:
        return index
    index = CampaignIndexPage(
        title=INDEX_TITLE,
        slug=short_slug(INDEX_TITLE),
        intro=INDEX_INTRO,
        show_in_menus=True,
        live=False,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _ensure_campaign(index: CampaignIndexPage, image, summary) -> CampaignPage:
    page = CampaignPage.objects.child_of(index).filter(slug=CAMPAIGN_SLUG).first()
    summary.record("campaign pages", page is None)
    if page is not None:
        return page
    page = CampaignPage(
        title=CAMPAIGN_TITLE,
        slug=CAMPAIGN_SLUG,
        date=CAMPAIGN_DATE,
        source="Sở LĐ-TB&XH",
        lead=CAMPAIGN_LEAD,
        hero_image=image,
        hero_caption="Kiểm tra giàn giáo trước ca làm việc. Ảnh: Sở LĐ-TB&XH (demo)",
        slogan="An toàn để lao động – Lao động phải an toàn",
        period_start=date(2026, 5, 1),
        period_end=date(2026, 5, 31),
        issuing_bodies="Sở Lao động – Thương binh và Xã hội\nLiên đoàn Lao động tỉnh",
        dispatch_number="Số 812/SLĐTBXH-ATLĐ",
        comments_enabled=True,
        live=False,
    )
    index.add_child(instance=page)
    page.body = resolve_body(list(CAMPAIGN_BODY), {})
    publish_on(page, CAMPAIGN_DATE)
    return page
