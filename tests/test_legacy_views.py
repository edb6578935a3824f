"""``import_legacy_views``: the old portal's per-page counts from a CSV (issue 6)."""

from io import StringIO
from urllib.parse import unquote

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from campaigns.models import PageViewCount
from campaigns.stats.counting import page_view_counts


def run(tmp_path, text, *args, encoding="utf-8"):
    path = tmp_path / "legacy.csv"
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    out, err = StringIO(), StringIO()
    call_command("import_legacy_views", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def legacy(page):
    row = PageViewCount.objects.filter(page=page).first()
    return row.legacy_views if row else None


@pytest.fixture
def page(make_campaign):
    return make_campaign("Tháng hành động vì an toàn thực phẩm", slug="an-toan")


@pytest.fixture
def vietnamese_page(make_campaign):
    return make_campaign("Lượt xem cũ", slug="lượt-xem-cũ")


def test_absolute_url_with_bom_and_header_sets_the_count(tmp_path, page):
    url = "https://old.portal.gov.vn" + page.url.rstrip("/") + "?id=12#top"
    out, err = run(tmp_path, f"url,views\r\n{url},490\r\n", encoding="utf-8-sig")
    assert legacy(page) == 490
    assert page_view_counts([page.pk])[page.pk] == 490
    assert "1 page(s) matched" in out
    assert err == ""


def test_reimport_sets_and_never_adds(tmp_path, page):
    run(tmp_path, f"{page.url},490\n")
    run(tmp_path, f"{page.url},490\n")
    assert legacy(page) == 490
    run(tmp_path, f"{page.url},512\n")
    assert legacy(page) == 512


def test_counted_views_are_kept(tmp_path, page):
    PageViewCount.objects.create(page=page, views=7)
    run(tmp_path, f"{page.url},490\n")
    row = PageViewCount.objects.get(page=page)
    assert (row.views, row.legacy_views, row.total) == (7, 490, 497)


def test_percent_encoded_vietnamese_path(tmp_path, vietnamese_page):
    # Wagtail's own URL of the page is percent-encoded, as the old portal's were.
    encoded = vietnamese_page.url
    assert "%E1%BB" in encoded
    run(tmp_path, f"http://cu.example.gov.vn{encoded},1.234\n")
    assert legacy(vietnamese_page) == 1234


def test_decoded_vietnamese_path(tmp_path, vietnamese_page):
    run(tmp_path, f"{unquote(vietnamese_page.url).rstrip('/')},5\n")
    assert legacy(vietnamese_page) == 5


def test_path_without_leading_or_trailing_slash_variants(tmp_path, page):
    bare = page.url.strip("/")
    run(tmp_path, f"{bare}.html,10\n")
    assert legacy(page) == 10


def test_unmatched_lines_and_bad_counts_are_reported_and_skipped(
    tmp_path, page, vietnamese_page
):
    text = (
        "url;views\n"
        "/khong-ton-tai/;50\n"
        f"{page.url};abc\n"
        f"{page.url};-5\n"
        f"{vietnamese_page.url};77\n"
        "/chi-co-url/\n"
    )
    out, err = run(tmp_path, text)
    assert legacy(vietnamese_page) == 77
    assert legacy(page) is None
    assert "line 2: no page at this address" in err
    assert "line 3: bad count 'abc'" in err
    assert "line 4: bad count '-5'" in err
    assert "line 6: no count" in err
    assert "1 page(s) matched, 1 unmatched, 3 bad count(s)" in out


def test_two_urls_of_one_page_add_up(tmp_path, page):
    out, _ = run(tmp_path, f"{page.url},400\n{page.url.rstrip('/')},90\n")
    assert legacy(page) == 490
    assert "same page as an earlier line" in out


def test_dry_run_changes_nothing(tmp_path, page):
    out, _ = run(tmp_path, f"{page.url},490\n", "--dry-run")
    assert legacy(page) is None
    assert "dry run, nothing changed" in out


def test_file_that_is_not_utf8_is_refused(tmp_path, page):
    with pytest.raises(CommandError, match="not UTF-8"):
        run(tmp_path, f"{page.url},490\n".encode() + b"\xff\xfe")


def test_import_changes_the_api_etags_that_show_the_count(
    tmp_path, page, make_campaign, client, django_capture_on_commit_callbacks
):
    other = make_campaign("Chiến dịch không có số cũ", slug="khong-so-cu")
    urls = [f"/api/v3/pages/{page.pk}/", f"/api/v2/pages/{page.pk}/", "/api/v2/pages/"]
    before = [client.get(url)["ETag"] for url in urls]
    other_before = client.get(f"/api/v3/pages/{other.pk}/")["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        run(tmp_path, f"{page.url},490\n")
    responses = [client.get(url) for url in urls]
    assert all(
        response["ETag"] != old for response, old in zip(responses, before, strict=True)
    )
    assert responses[0].json()["view_count"] == 490
    assert client.get(f"/api/v3/pages/{other.pk}/")["ETag"] == other_before
