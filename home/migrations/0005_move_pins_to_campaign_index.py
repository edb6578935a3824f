"""Move the home pages' pinned campaigns to their campaign index (issue 13).

Pinning is a feature of the campaigns plugin now, kept on the campaign index.
The pins of each home page move, in their order, to the campaign index below
it in its language (the nearest, first in the tree). A pin of a campaign in
another language (a translation copied it, and the home page never showed it)
is dropped, and so are the pins of a home page without a campaign index.
"""

from collections import Counter

from django.db import migrations


def _index_below(home, indexes):
    below = [
        index
        for index in indexes
        if index.path.startswith(home.path) and index.locale_id == home.locale_id
    ]
    return min(below, key=lambda index: (index.depth, index.path), default=None)


def to_campaign_indexes(apps, schema_editor):
    """Each home page's pins of its language, in order, onto its campaign index."""
    HomePagePinnedCampaign = apps.get_model("home", "HomePagePinnedCampaign")
    CampaignIndexPinnedCampaign = apps.get_model(
        "campaigns", "CampaignIndexPinnedCampaign"
    )
    indexes = list(apps.get_model("campaigns", "CampaignIndexPage").objects.all())
    pins = HomePagePinnedCampaign.objects.select_related("home", "campaign")
    moved, seen, count = [], set(), Counter()
    for pin in pins.order_by("home__path", "sort_order", "pk"):
        index = _index_below(pin.home, indexes)
        if index is None or pin.campaign.locale_id != pin.home.locale_id:
            continue
        if (index.pk, pin.campaign_id) in seen:
            continue
        seen.add((index.pk, pin.campaign_id))
        moved.append(
            CampaignIndexPinnedCampaign(
                index_id=index.pk,
                campaign_id=pin.campaign_id,
                sort_order=count[index.pk],
            )
        )
        count[index.pk] += 1
    CampaignIndexPinnedCampaign.objects.bulk_create(moved)
    pins.delete()


def to_home_pages(apps, schema_editor):
    """Back: each index's pins, in order, onto the nearest home page above it."""
    HomePagePinnedCampaign = apps.get_model("home", "HomePagePinnedCampaign")
    CampaignIndexPinnedCampaign = apps.get_model(
        "campaigns", "CampaignIndexPinnedCampaign"
    )
    homes = list(apps.get_model("home", "HomePage").objects.all())
    pins = CampaignIndexPinnedCampaign.objects.select_related("index")
    moved, count = [], Counter()
    for pin in pins.order_by("index__path", "sort_order", "pk"):
        above = [
            home
            for home in homes
            if pin.index.path.startswith(home.path)
            and home.locale_id == pin.index.locale_id
        ]
        if not above:
            continue
        home = max(above, key=lambda home: home.depth)
        moved.append(
            HomePagePinnedCampaign(
                home_id=home.pk,
                campaign_id=pin.campaign_id,
                sort_order=count[home.pk],
            )
        )
        count[home.pk] += 1
    HomePagePinnedCampaign.objects.bulk_create(moved)
    pins.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_vietnamese_workflow_names"),
        ("campaigns", "0012_campaignindexpinnedcampaign"),
    ]

    operations = [migrations.RunPython(to_campaign_indexes, to_home_pages)]
