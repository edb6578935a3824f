"""Each site's record is the one source of its absolute links, on any host and port.

``seed_demo --address`` sets where a site is served; canonical, Open Graph,
share links, the API's ``html_url``, feeds, the sitemap and robots.txt all
follow it, whichever host name the request used to reach the site.
"""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from campaigns.models import CampaignPage
from home.demo import REFERENCE_SLUG, sub_portal

PROVINCE = "http://127.0.0.1:8310"
DEPARTMENT = "http://so-lao-dong.localhost:8310"
LOCAL = {"127.0.0.1", "localhost", "testserver", sub_portal.HOSTNAME}


def _seed(*args):
    call_command("seed_demo", *args, stdout=io.StringIO())


def _links(html: str) -> set[str]:
    return set(re.findall(r'(?:href|content|data-copy-link)="(https?://[^"]+)"', html))


@pytest.mark.django_db
def test_every_absolute_link_follows_the_site_record(client, settings):
    settings.DEBUG = True  # the demo's own setting, which once forced port 8000
    _seed("--address", PROVINCE, "--sub-portal-address", DEPARTMENT)
    province = Site.objects.get(is_default_site=True)
    assert (province.hostname, province.port) == ("127.0.0.1", 8310)
    assert sub_portal.sub_portal_site().root_url == DEPARTMENT

    page = CampaignPage.objects.get(slug=REFERENCE_SLUG, locale__language_code="vi")
    path = page.get_url_parts()[2]
    html = client.get(path, HTTP_HOST="127.0.0.1:8310").text
    expected = PROVINCE + path
    assert f'<link rel="canonical" href="{expected}">' in html
    assert f'<meta property="og:url" content="{expected}">' in html
    assert f'data-copy-link="{expected}"' in html
    own = [link for link in _links(html) if urlsplit(link).hostname in LOCAL]
    assert own and all(link.startswith(PROVINCE + "/") for link in own), own

    # A request that reaches the default site by another name gets the same links.
    index = page.get_parent().get_url_parts()[2]
    feed = client.get(index + "rss/", HTTP_HOST="localhost").text
    assert f"<link>{PROVINCE}{index}</link>" in feed
    assert f"<link>{expected}</link>" in feed
    assert "http://localhost" not in feed
    atom = client.get(index + "atom/", HTTP_HOST="localhost").text
    assert f'href="{PROVINCE}{index}atom/" rel="self"' in atom
    robots = client.get("/robots.txt", HTTP_HOST="localhost").text
    assert f"Sitemap: {PROVINCE}/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml", HTTP_HOST="localhost").text
    assert f"<loc>{expected}</loc>" in sitemap

    detail = client.get(f"/api/v2/pages/{page.pk}/", HTTP_HOST="localhost").json()
    assert detail["meta"]["html_url"] == expected

    # The sub-portal's links stay on its own address.
    department_home = client.get("/", HTTP_HOST="so-lao-dong.localhost:8310").text
    assert f'<link rel="canonical" href="{DEPARTMENT}/">' in department_home

    # A re-seed without addresses leaves the records as they are.
    _seed()
    province.refresh_from_db()
    assert province.root_url == PROVINCE
    assert sub_portal.sub_portal_site().root_url == DEPARTMENT


@pytest.mark.parametrize(
    "address, message",
    [
        ("ftp://127.0.0.1", "is not an http:// or https:// address"),
        ("127.0.0.1:8310", "is not an http:// or https:// address"),
        ("http://127.0.0.1:8310/portal/", "has a path"),
        ("http://127.0.0.1:99999", "has an invalid port"),
        ("https://portal.example:8443", "https:// links for port 443 only"),
    ],
)
@pytest.mark.django_db
def test_a_bad_address_is_refused_before_anything_changes(address, message):
    before = list(Site.objects.values_list("hostname", "port"))
    with pytest.raises(CommandError, match=re.escape(message)):
        _seed("--address", address)
    assert list(Site.objects.values_list("hostname", "port")) == before
    assert not CampaignPage.objects.exists()


@pytest.mark.django_db
def test_two_sites_cannot_share_one_address():
    with pytest.raises(CommandError, match="already another site's address"):
        _seed("--address", PROVINCE, "--sub-portal-address", PROVINCE)
    province = Site.objects.get(is_default_site=True)
    assert province.root_url == PROVINCE
    assert sub_portal.sub_portal_site() is None
