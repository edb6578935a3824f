"""Views and visits around a Redis outage: nobody counted twice, nothing lost.

The counter runs against a ``redis-server`` of the test's own, which is frozen
(it accepts and never answers), thawed, and killed and started again empty,
while the same readers come back. Whatever store counted a reader first, the
other one knows it (campaigns.stats.windows).
"""

import pytest
from django.test import RequestFactory

from campaigns import breaker
from campaigns.models import DailyVisits, PageViewCount
from campaigns.stats import counting, redis_store
from campaigns.stats.counting import count_view
from campaigns.stats.flush import flush
from tests.redis_server import RedisServer, needs_redis_server

pytestmark = [needs_redis_server, pytest.mark.django_db]

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0"


@pytest.fixture
def own_redis(settings, tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    settings.CAMPAIGNS_REDIS_URL = server.url
    # While frozen, one timeout opens the circuit for the rest of the phase.
    settings.CAMPAIGNS_REDIS_COOLDOWN_SECONDS = 600
    breaker.close_all()
    yield server
    server.stop()
    breaker.close_all()
    redis_store._client_for.cache_clear()


@pytest.fixture
def pages(make_campaign):
    return [make_campaign(f"Trang {n}") for n in range(3)]


def readers(first: int, count: int) -> list[str]:
    return [f"198.51.100.{n}" for n in range(first, first + count)]


def read_all(pages, addresses) -> int:
    """Every reader opens every page once; returns the views counted."""
    counted = 0
    for address in addresses:
        for page in pages:
            request = RequestFactory().post(
                f"/api/v3/pages/{page.pk}/views/",
                REMOTE_ADDR=address,
                HTTP_USER_AGENT=BROWSER,
            )
            counted += count_view(request, page.pk).counted
    return counted


def stored_totals(pages) -> tuple[int, int]:
    views = sum(
        PageViewCount.objects.filter(page__in=pages).values_list("views", flat=True)
    )
    visits = sum(DailyVisits.objects.values_list("visits", flat=True))
    return views, visits


def test_readers_counted_before_a_hang_are_not_counted_again_during_it(
    own_redis, pages
):
    before = readers(1, 20)
    assert read_all(pages, before) == 60
    flush()

    own_redis.freeze()
    assert read_all(pages, before) == 0
    during = readers(101, 10)
    assert read_all(pages, during) == 30

    own_redis.thaw()
    breaker.close_all()
    assert read_all(pages, before + during) == 0
    flush()
    assert stored_totals(pages) == (90, 30)


def test_readers_counted_during_an_outage_are_known_to_the_next_flush(
    own_redis, pages, settings
):
    """A process that never counted in the database learns from ``flush_counters``."""
    own_redis.freeze()
    during = readers(1, 10)
    assert read_all(pages, during) == 30
    own_redis.thaw()
    breaker.close_all()

    flush()  # the scheduler's flush, on any host
    # As in a process that neither counted nor cached anything during the outage.
    counting._outages.caught_up(breaker.trip_count())
    assert read_all(pages, during) == 0
    flush()
    assert stored_totals(pages) == (30, 10)


def test_a_redis_that_restarted_empty_gets_the_windows_back(own_redis, pages):
    before = readers(1, 10)
    assert read_all(pages, before) == 30
    flush()

    own_redis.stop()
    own_redis.start()  # same port, nothing kept
    breaker.close_all()

    assert read_all(pages, before) == 0
    flush()
    assert stored_totals(pages) == (30, 10)


def test_views_counted_after_the_last_flush_are_the_bound(own_redis, pages):
    """What is not prevented: readers Redis counted since the last flush, seen
    again while it hangs, count twice; nothing counted is lost."""
    flushed, unflushed = readers(1, 10), readers(51, 5)
    assert read_all(pages, flushed) == 30
    flush()
    assert read_all(pages, unflushed) == 15

    own_redis.freeze()
    assert read_all(pages, flushed + unflushed) == 15  # the unflushed five again
    own_redis.thaw()
    breaker.close_all()
    flush()

    views, visits = stored_totals(pages)
    assert views == 45 + 15
    assert visits == 15 + 5


def test_a_page_served_during_a_hang_is_enough_to_catch_up(own_redis, pages, client):
    """The worker that counts next only served pages (cache calls) during the hang."""
    assert read_all(pages, readers(200, 1)) == 3  # Redis has the windows
    own_redis.freeze()
    during = readers(1, 5)
    assert read_all(pages, during) == 15
    counting._outages.caught_up(breaker.trip_count())  # another worker counted them
    breaker.close_all()
    assert client.get(pages[0].url).status_code == 200  # this worker's cache trips
    own_redis.thaw()
    breaker.close_all()

    assert read_all(pages, during) == 0
