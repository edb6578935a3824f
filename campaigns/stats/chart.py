"""The report's chart of daily visits and views, as numbers an SVG template draws.

Built on the server: no script library, and the picture is the same as the
table of numbers printed beside it. Coordinates are in SVG user units.
"""

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Sum

from campaigns.models.stats import DailyVisits

#: Size of the drawing and the room left for the axis labels.
WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 28, 40


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    day: date
    value: int
    #: Today's point: the day is still being counted, so its drop means nothing.
    partial: bool = False

    # Formatted here: a template would localise the decimal point ("64,5").
    @property
    def cx(self) -> str:
        return f"{self.x:.1f}"

    @property
    def cy(self) -> str:
        return f"{self.y:.1f}"


@dataclass
class Series:
    key: str
    points: list[Point] = field(default_factory=list)

    @property
    def complete_points(self) -> list[Point]:
        return [p for p in self.points if not p.partial]

    @property
    def polyline(self) -> str:
        """The line through the complete days."""
        return _coordinates(self.complete_points)

    @property
    def partial_segment(self) -> str:
        """The line from the last complete day to today's partial point, if any."""
        if len(self.points) < 2 or not self.points[-1].partial:
            return ""
        return _coordinates(self.points[-2:])


def _coordinates(points) -> str:
    return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in points)


@dataclass(frozen=True)
class Tick:
    position: float
    value: int | date

    @property
    def at(self) -> str:
        return f"{self.position:.1f}"


@dataclass
class Chart:
    """Daily visits and views from ``start`` to ``end``, both included."""

    start: date
    end: date
    rows: list[tuple[date, int, int]]
    visits: Series
    views: Series
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    top: int = TOP
    baseline: int = HEIGHT - BOTTOM

    #: Today, when it is the last day drawn: counted so far, not a whole day.
    partial_day: date | None = None

    @property
    def days(self) -> int:
        return len(self.rows)

    @property
    def partial_x(self) -> str:
        return self.visits.points[-1].cx if self.partial_day else ""

    @property
    def total_visits(self) -> int:
        return sum(row[1] for row in self.rows)

    @property
    def total_views(self) -> int:
        return sum(row[2] for row in self.rows)


def daily_rows(start: date, end: date, site_ids) -> list[tuple[date, int, int]]:
    """(day, visits, views) of the sites for every day of the range, summed over
    the sites, 0 for days without a row."""
    found = {
        day: (visits, views)
        for day, visits, views in DailyVisits.objects.filter(
            site_id__in=list(site_ids), day__gte=start, day__lte=end
        )
        .order_by()
        .values("day")
        .annotate(visits=Sum("visits"), views=Sum("views"))
        .values_list("day", "visits", "views")
    }
    days = (end - start).days + 1
    return [
        (day, *found.get(day, (0, 0)))
        for day in (start + timedelta(days=n) for n in range(days))
    ]


def nice_scale(value: int) -> tuple[int, int]:
    """The top of the axis at or above ``value``, and how many steps divide it.

    The top is 1, 2, 2.5, 5 or 10 × 10ⁿ, split so every step is a round number.
    """
    if value <= 4:
        return 4, 4
    power = 10 ** math.floor(math.log10(value))
    for step, divisions in ((1, 5), (2, 4), (2.5, 5), (5, 5), (10, 5)):
        if step * power >= value:
            return int(step * power), divisions
    return 10 * power, 5


def build_chart(start: date, end: date, site_ids, *, today: date) -> Chart:
    """The sites' chart from ``start`` to ``end``: one point per day and series.

    When ``end`` is ``today``, its point is marked partial: the day's counts
    so far, drawn and labelled apart so that its drop is not read as a fall.
    """
    rows = daily_rows(start, end, site_ids)
    top_value, divisions = nice_scale(max((max(v, w) for _, v, w in rows), default=0))
    plot_width = WIDTH - RIGHT - LEFT
    plot_height = HEIGHT - BOTTOM - TOP
    step = plot_width / max(len(rows) - 1, 1)

    def x(n):
        return LEFT + n * step

    def y(value):
        return HEIGHT - BOTTOM - plot_height * value / top_value

    visits, views = Series("visits"), Series("views")
    for n, (day, day_visits, day_views) in enumerate(rows):
        partial = day == today
        visits.points.append(Point(x(n), y(day_visits), day, day_visits, partial))
        views.points.append(Point(x(n), y(day_views), day, day_views, partial))
    y_ticks = [
        Tick(y(top_value * k // divisions), top_value * k // divisions)
        for k in range(divisions + 1)
    ]
    every = max(1, math.ceil(len(rows) / 8))
    x_ticks = [Tick(x(n), rows[n][0]) for n in range(0, len(rows), every)]
    return Chart(
        start,
        end,
        rows,
        visits,
        views,
        y_ticks,
        x_ticks,
        partial_day=end if end == today else None,
    )
