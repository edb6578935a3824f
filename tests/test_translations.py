"""The Vietnamese catalogues are complete, and readers see Vietnamese by default."""

import re
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    path
    for pattern in ("**/locale/vi/LC_MESSAGES/*.po", "locale-admin/vi/LC_MESSAGES/*.po")
    for path in ROOT.glob(pattern)
    if ".venv" not in path.parts and "node_modules" not in path.parts
)
_ENTRY = re.compile(
    r'^msgid "(.*)"\n((?:".*"\n)*)msgstr(?:\[0\])? "(.*)"\n((?:".*"\n)*)', re.M
)


def test_every_app_ships_a_vietnamese_catalogue():
    names = {path.relative_to(ROOT).parts[0] for path in CATALOGUES}
    assert {"campaigns", "home", "locale", "locale-admin"} <= names


@pytest.mark.parametrize(
    "path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT))
)
def test_no_entry_is_fuzzy_or_empty(path):
    text = path.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text
    entries = _ENTRY.findall(text)
    assert entries
    for msgid, msgid_more, msgstr, msgstr_more in entries:
        if msgid or msgid_more:  # the header has an empty msgid
            assert msgstr or msgstr_more, f"untranslated: {msgid}{msgid_more}"


@pytest.mark.django_db
def test_reader_sees_vietnamese_labels(client):
    html = client.get("/").content.decode()
    assert "Tìm kiếm" in html
    assert "Skip to main content" not in html
    with translation.override("vi"):
        assert str(translation.gettext("Transcript")) == "Lời thoại"


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [("Save draft", "Lưu bản nháp"), ("Awaiting your review", "Đang chờ bạn duyệt")],
)
def test_admin_strings_are_completed_in_vietnamese(english, vietnamese):
    with translation.override("vi"):
        assert translation.gettext(english) == vietnamese


@pytest.mark.django_db
def test_editor_sees_the_admin_dashboard_in_vietnamese(client, django_user_model):
    user = django_user_model.objects.create_superuser("bientap", password="pw-b-1")
    client.force_login(user)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'lang="vi"' in html
    assert "Trang tổng quan" in html  # "Dashboard"
    assert "Keyboard shortcuts" not in html and "Phím tắt" in html


@pytest.fixture
def staff(django_user_model):
    from django.contrib.auth.models import Group

    def _make(username, group):
        user = django_user_model.objects.create_user(username, password="pw-1")
        user.groups.add(Group.objects.get(name=group))
        return user

    return _make


@pytest.mark.django_db
def test_page_moderation_speaks_one_vocabulary(client, staff, make_campaign):
    """Submit, approve, approve with a note: one verb, "duyệt", on every screen."""
    officer = staff("officer", "Communications officers")
    moderator = staff("moderator1", "Campaign moderators")
    page = make_campaign("Chiến dịch chờ duyệt từ ngữ", publish_it=False)
    edit = f"/admin/pages/{page.pk}/edit/"

    client.force_login(officer)
    html = client.get(edit).content.decode()
    assert "Gửi duyệt (Kiểm duyệt trước khi đăng)" in html
    assert "Thực hiện" not in html
    assert "Các thẻ, cách nhau bằng dấu phẩy." in html
    page.get_workflow().start(page, officer)

    client.force_login(moderator)
    html = client.get(edit).content.decode()
    assert '<use href="#icon-success"></use></svg>Duyệt\n' in html
    assert "Duyệt kèm nhận xét" in html
    assert "Phê chuẩn" not in html


@pytest.mark.django_db
def test_bulk_selection_counts_comments_as_items():
    with translation.override("vi"):
        text = translation.gettext("%(objects)s snippets selected") % {"objects": 3}
    assert text == "Đã chọn 3 mục"


@pytest.mark.django_db
def test_the_root_collection_has_a_vietnamese_name():
    from wagtail.models import Collection

    assert Collection.get_first_root_node().name == "Thư viện chung"
