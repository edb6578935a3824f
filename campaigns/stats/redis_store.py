"""Counting in Redis: one script call per beacon, no database query (DESIGN §6).

Each site counts under keys of its own (:func:`prefix`),
``<CAMPAIGNS_KEY_PREFIX>campaigns:stats:<site id>:``, so one site's flush,
reload or loss of keys never touches another's figures. Under that prefix:

- ``public``: ids of the site's public pages (a set, refreshed from the database when
  missing, dropped when publishing changes it, expiring after a few minutes);
- ``seen:<page>:<visitor>``: a visitor counted on a page, for 30 minutes;
- ``visitors:<day>``: the day's distinct visitors (a set, kept two days);
- ``online``: visitors by last beacon time (a sorted set);
- ``buf:views`` (page → n), ``buf:pageday`` ("page:day" → n), ``buf:dayviews``
  and ``buf:visits`` (day → n): counts not yet in the database;
- ``buf:seen`` ("page:visitor" → time) and ``buf:visitors`` ("day:visitor" →
  time): windows and visitors opened since the last flush, which copies them
  into the database's windows;
- ``windows``: set once the database's windows have been copied here; while
  it is missing (a Redis that restarted empty) the count script asks for them;
- ``inflight``: buffers handed over to a flush and not yet cleaned up;
- ``base:<page>``: the page's database count, cached for display.
"""

import functools

import redis

from campaigns import conf
from campaigns.breaker import connection_options

BUFFERS = ("views", "pageday", "dayviews", "visits", "seen", "visitors")
#: Seconds the cached set of public pages and a page's base count live.
PUBLIC_TTL = 300
BASE_TTL = 300
ONLINE_WINDOW = 300
SEEN_WINDOW = 1800

OUTAGE = (redis.ConnectionError, redis.TimeoutError)

# Returns {counted (0/1), display count or -1 when the base is not cached}, or
# {-1} for a page that is not public, {-2} when the public set is not loaded and
# {-3} when the database's windows have not been copied in (a Redis that
# restarted empty).
_COUNT = """
local p, page, v, vprev = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local day, now = ARGV[5], tonumber(ARGV[6])
local seen_window, online_window = tonumber(ARGV[7]), tonumber(ARGV[8])
if redis.call('SISMEMBER', p..'public', page) == 0 then
  if redis.call('EXISTS', p..'public') == 0 then return {-2} end
  return {-1}
end
if redis.call('EXISTS', p..'windows') == 0 then return {-3} end
redis.call('ZADD', p..'online', now, v)
redis.call('ZREMRANGEBYSCORE', p..'online', '-inf', now - online_window)
local counted = 0
local seen = p..'seen:'..page..':'
local already = vprev ~= '' and redis.call('EXISTS', seen..vprev) == 1
if not already and redis.call('SET', seen..v, 1, 'NX', 'EX', seen_window) then
  counted = 1
  redis.call('HSET', p..'buf:seen', page..':'..v, math.floor(now))
  redis.call('HINCRBY', p..'buf:views', page, 1)
  redis.call('HINCRBY', p..'buf:pageday', page..':'..day, 1)
  redis.call('HINCRBY', p..'buf:dayviews', day, 1)
end
if redis.call('SADD', p..'visitors:'..day, v) == 1 then
  redis.call('EXPIRE', p..'visitors:'..day, 172800)
  redis.call('HINCRBY', p..'buf:visits', day, 1)
  redis.call('HSET', p..'buf:visitors', day..':'..v, math.floor(now))
end
local base = redis.call('GET', p..'base:'..page)
if not base then return {counted, -1} end
local n = tonumber(base) + tonumber(redis.call('HGET', p..'buf:views', page) or '0')
for _, batch in ipairs(redis.call('SMEMBERS', p..'inflight')) do
  n = n + tonumber(redis.call('HGET', batch..':views', page) or '0')
end
return {counted, n}
"""

# Buffered views of pages (ARGV[2..]): the live buffer plus buffers in flight.
_BUFFERED = """
local p = ARGV[1]
local batches = redis.call('SMEMBERS', p..'inflight')
local out = {}
for i = 2, #ARGV do
  local n = tonumber(redis.call('HGET', p..'buf:views', ARGV[i]) or '0')
  for _, batch in ipairs(batches) do
    n = n + tonumber(redis.call('HGET', batch..':views', ARGV[i]) or '0')
  end
  out[#out + 1] = n
end
return out
"""

# Buffered visits and views per day (ARGV[2..] are days), live plus in flight.
_BUFFERED_DAYS = """
local p = ARGV[1]
local batches = redis.call('SMEMBERS', p..'inflight')
local out = {}
for i = 2, #ARGV do
  local visits = tonumber(redis.call('HGET', p..'buf:visits', ARGV[i]) or '0')
  local views = tonumber(redis.call('HGET', p..'buf:dayviews', ARGV[i]) or '0')
  for _, batch in ipairs(batches) do
    visits = visits + tonumber(redis.call('HGET', batch..':visits', ARGV[i]) or '0')
    views = views + tonumber(redis.call('HGET', batch..':dayviews', ARGV[i]) or '0')
  end
  out[#out + 1] = visits
  out[#out + 1] = views
end
return out
"""

# Hand the live buffers over to batch ARGV[2] (RENAME is atomic): counts that
# arrive afterwards go to fresh buffers. Returns 0 when there was nothing.
_HAND_OVER = """
local p, batch = ARGV[1], ARGV[2]
-- A repeated call must not overwrite a batch already handed over.
if redis.call('SISMEMBER', p..'inflight', batch) == 1 then return 0 end
local moved = 0
for _, name in ipairs({'views', 'pageday', 'dayviews', 'visits', 'seen', 'visitors'}) do
  if redis.call('EXISTS', p..'buf:'..name) == 1 then
    redis.call('RENAME', p..'buf:'..name, batch..':'..name)
    moved = 1
  end
end
if moved == 1 then redis.call('SADD', p..'inflight', batch) end
return moved
"""

# After the batch is in the database: move its page counts into the cached
# bases and drop it. Only the first caller does it (SREM answers 1 once).
_RETIRE = """
local p, batch = ARGV[1], ARGV[2]
if redis.call('SREM', p..'inflight', batch) == 0 then return 0 end
local views = redis.call('HGETALL', batch..':views')
for i = 1, #views, 2 do
  if redis.call('EXISTS', p..'base:'..views[i]) == 1 then
    redis.call('INCRBY', p..'base:'..views[i], views[i + 1])
  end
end
for _, name in ipairs({'views', 'pageday', 'dayviews', 'visits', 'seen', 'visitors'}) do
  redis.call('DEL', batch..':'..name)
end
redis.call('DEL', p..'dbsums')
return 1
"""


@functools.cache
def _client_for(url: str) -> redis.Redis:
    # Through the circuit breaker: a hung Redis costs one timeout, then the
    # counter goes to the database at once for a few seconds.
    return redis.Redis.from_url(
        url,
        socket_connect_timeout=0.5,
        socket_timeout=0.5,
        decode_responses=True,
        **connection_options(url),
    )


def client() -> redis.Redis | None:
    """The Redis of ``CAMPAIGNS_REDIS_URL``, or None when the site runs without it."""
    url = conf.REDIS_URL
    return _client_for(url) if url else None


@functools.cache
def _script(connection: redis.Redis, source: str):
    return connection.register_script(source)


def prefix(site_id: int) -> str:
    """The start of every key of one site's counts."""
    return f"{conf.KEY_PREFIX}campaigns:stats:{site_id}:"


def run(connection: redis.Redis, site_id: int, source: str, *args):
    """Run a script (EVALSHA, loaded on first use) with the site's key prefix first."""
    return _script(connection, source)(args=[prefix(site_id), *args])


def count(connection, site_id, page_id, visitor, previous, day, now) -> list[int]:
    return run(
        connection,
        site_id,
        _COUNT,
        page_id,
        visitor,
        previous,
        day,
        now,
        SEEN_WINDOW,
        ONLINE_WINDOW,
    )


def buffered_views(connection, site_id, page_ids) -> dict[int, int]:
    if not page_ids:
        return {}
    values = run(connection, site_id, _BUFFERED, *page_ids)
    return dict(zip(page_ids, map(int, values), strict=True))


def buffered_days(connection, site_id, days) -> dict[str, tuple[int, int]]:
    values = list(map(int, run(connection, site_id, _BUFFERED_DAYS, *days)))
    return {day: (values[2 * i], values[2 * i + 1]) for i, day in enumerate(days)}


def online(connection, site_id, now: float) -> int:
    return connection.zcount(prefix(site_id) + "online", now - ONLINE_WINDOW, "+inf")


def load_public_pages(connection, site_id, page_ids) -> None:
    key = prefix(site_id) + "public"
    pipe = connection.pipeline()
    pipe.delete(key)
    # A sentinel keeps the set in existence when no page is public.
    pipe.sadd(key, "-", *page_ids)
    pipe.expire(key, PUBLIC_TTL)
    pipe.execute()


def forget_public_pages(connection, site_ids) -> None:
    keys = [prefix(site_id) + "public" for site_id in site_ids]
    if keys:
        connection.delete(*keys)


def set_base(connection, site_id, page_id, value) -> None:
    connection.set(f"{prefix(site_id)}base:{page_id}", value, ex=BASE_TTL, nx=True)


def forget_bases(connection, site_id, page_ids) -> None:
    """Drop the cached database counts of pages, so the next read loads them."""
    if page_ids:
        connection.delete(*(f"{prefix(site_id)}base:{pk}" for pk in page_ids))


def hand_over(connection, site_id, batch: str) -> bool:
    return bool(
        run(connection, site_id, _HAND_OVER, prefix(site_id) + "batch:" + batch)
    )


def inflight(connection, site_id) -> list[str]:
    start = prefix(site_id) + "batch:"
    return [
        name.removeprefix(start)
        for name in connection.smembers(prefix(site_id) + "inflight")
    ]


def read_batch(connection, site_id, batch: str) -> dict[str, dict[str, int]]:
    pipe = connection.pipeline()
    for name in BUFFERS:
        pipe.hgetall(f"{prefix(site_id)}batch:{batch}:{name}")
    values = pipe.execute()
    return {
        name: {field: int(n) for field, n in value.items()}
        for name, value in zip(BUFFERS, values, strict=True)
    }


def retire(connection, site_id, batch: str) -> bool:
    return bool(run(connection, site_id, _RETIRE, prefix(site_id) + "batch:" + batch))


def has_windows(connection, site_id) -> bool:
    """Whether the site's keys have had the database's windows copied in."""
    return bool(connection.exists(prefix(site_id) + "windows"))


def open_windows(connection, site_id, seen, visitors) -> None:
    """Open windows counted elsewhere, counting nothing.

    ``seen`` holds (page, visitor, seconds left) and ``visitors`` (day, visitor):
    a visitor counted by the database while Redis was unreachable is not
    counted again here.
    """
    p = prefix(site_id)
    pipe = connection.pipeline(transaction=False)
    for page_id, visitor, ttl in seen:
        pipe.set(f"{p}seen:{page_id}:{visitor}", 1, nx=True, ex=max(int(ttl), 1))
    for day, visitor in visitors:
        pipe.sadd(f"{p}visitors:{day}", visitor)
        pipe.expire(f"{p}visitors:{day}", 172800)
    pipe.set(p + "windows", 1)
    pipe.execute()
