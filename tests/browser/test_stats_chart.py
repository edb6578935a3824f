"""The visitor statistics chart as a moderator reads it, in both admin themes."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Site
from wagtail.users.models import UserProfile

from campaigns.models import DailyVisits

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

URL = "/admin/reports/visitor-statistics/"
PASSWORD = "x-Admin-2026-thong-ke"

#: The WCAG contrast ratio of an element's colour (``property``) in the chart
#: against the first opaque background behind the chart.
CONTRAST = """([selector, property]) => {
  const rgb = (value) => value.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const element = document.querySelector(selector);
  let node = element.closest("svg");
  let background = "rgba(0, 0, 0, 0)";
  while (node) {
    background = getComputedStyle(node).backgroundColor;
    if (rgb(background)[3] !== 0) break;
    node = node.parentElement;
  }
  const colour = getComputedStyle(element)[property];
  const a = luminance(rgb(colour));
  const b = luminance(rgb(background));
  return {
    ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
    colour,
    background,
  };
}"""


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser(
        "quantri", "quantri@example.gov.vn", PASSWORD
    )


def log_in(page, user):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_chart_text_is_readable_and_today_is_marked_partial(
    new_context, home_page, admin, theme, screenshot_dir
):
    profile = UserProfile.get_for_user(admin)
    profile.theme = theme
    profile.save()
    site = Site.objects.get(is_default_site=True)
    today = timezone.localdate()
    DailyVisits.objects.create(
        site=site, day=today - timedelta(days=1), visits=1850, views=3100
    )
    DailyVisits.objects.create(site=site, day=today, visits=12, views=20)

    page = new_context().new_page()
    log_in(page, admin)
    page.goto(URL)
    expect(page.locator("html")).to_contain_class(f"w-theme-{theme}")
    chart = page.locator("svg.visitor-chart")
    expect(chart).to_be_visible()

    # Text at 4.5:1 (WCAG AA), the lines of the two series at 3:1.
    contrast = page.evaluate(CONTRAST, [".visitor-chart g text", "fill"])
    assert contrast["ratio"] >= 4.5, contrast
    for series in ("visits", "views"):
        line = f'.visitor-chart polyline[data-line="{series}"]'
        found = page.evaluate(CONTRAST, [line, "stroke"])
        assert found["ratio"] >= 3, found

    # Today's point is labelled as what it is, and drawn hollow.
    label = chart.locator(".visitor-chart__today-label")
    expect(label).to_have_text("Hôm nay, số liệu tính đến hiện tại")
    expect(label).to_be_visible()
    expect(chart.locator("circle[data-partial]")).to_have_count(2)
    label_fill = label.evaluate("node => getComputedStyle(node).fill")
    assert label_fill == contrast["colour"]
    chart.screenshot(path=screenshot_dir / f"visitor-chart-{theme}.png")
