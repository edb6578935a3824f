"""home 0005: a home page's pins move to its campaign index, per language, in order."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale

from campaigns.models import CampaignIndexPinnedCampaign
from tests.conftest import publish

#: The schema before pins moved: home pins exist, index pins are empty.
BEFORE = [
    ("home", "0004_vietnamese_workflow_names"),
    ("campaigns", "0012_campaignindexpinnedcampaign"),
]


def migrate(targets=None):
    """Migrate to ``targets`` (the latest by default); the models of that state."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture
def two_languages(make_campaign, campaign_index, home_page):
    """Campaigns under a Vietnamese and an English index, by name."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    english_home = publish(home_page.copy_for_translation(english))
    english_index = publish(campaign_index.copy_for_translation(english))
    pages = {name: make_campaign() for name in ("a", "b", "c")}
    for name in ("a", "c"):
        pages[f"{name}_en"] = publish(pages[name].copy_for_translation(english))
    yield {
        "vi_home": home_page,
        "en_home": english_home,
        "vi_index": campaign_index,
        "en_index": english_index,
        **pages,
    }
    migrate()


def pins_of(index) -> list[int]:
    pins = CampaignIndexPinnedCampaign.objects.filter(index_id=index.pk)
    return list(pins.order_by("sort_order").values_list("campaign_id", flat=True))


def home_pins(apps, home) -> list[int]:
    model = apps.get_model("home", "HomePagePinnedCampaign")
    pins = model.objects.filter(home_id=home.pk).order_by("sort_order")
    return list(pins.values_list("campaign_id", flat=True))


def pin_on_homes(pages, apps):
    HomePagePinnedCampaign = apps.get_model("home", "HomePagePinnedCampaign")
    for home, names in (
        ("vi_home", ("c", "a")),
        # "b" is Vietnamese: a translation's copy of a pin, never shown in English.
        ("en_home", ("b", "c_en", "a_en")),
    ):
        # Stored last first, so that only sort_order gives the editor's order.
        for order, name in reversed(list(enumerate(names))):
            HomePagePinnedCampaign.objects.create(
                home_id=pages[home].pk,
                campaign_id=pages[name].pk,
                sort_order=10 * order + 5,
            )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_home_pins_move_to_the_index_of_their_language_in_order(two_languages):
    pages = two_languages
    pin_on_homes(pages, migrate(BEFORE))

    migrate()

    assert pins_of(pages["vi_index"]) == [pages["c"].pk, pages["a"].pk]
    assert pins_of(pages["en_index"]) == [pages["c_en"].pk, pages["a_en"].pk]
    orders = CampaignIndexPinnedCampaign.objects.values_list("sort_order", flat=True)
    assert sorted(orders) == [0, 0, 1, 1]
    assert "home_homepagepinnedcampaign" not in connection.introspection.table_names()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_unapplying_moves_index_pins_back_to_their_home_page(two_languages):
    pages = two_languages
    for index, names in (("vi_index", ("c", "a")), ("en_index", ("a_en",))):
        for order, name in enumerate(names):
            CampaignIndexPinnedCampaign.objects.create(
                index=pages[index], campaign=pages[name], sort_order=order
            )

    apps = migrate(BEFORE)

    assert home_pins(apps, pages["vi_home"]) == [pages["c"].pk, pages["a"].pk]
    assert home_pins(apps, pages["en_home"]) == [pages["a_en"].pk]
    assert not pins_of(pages["vi_index"])
