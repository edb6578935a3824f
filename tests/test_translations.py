"""The Vietnamese catalogues are complete, and readers see Vietnamese by default."""

import re
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    path
    for path in ROOT.glob("**/locale/vi/LC_MESSAGES/django.po")
    if ".venv" not in path.parts and "node_modules" not in path.parts
)
_ENTRY = re.compile(
    r'^msgid "(.*)"\n((?:".*"\n)*)msgstr(?:\[0\])? "(.*)"\n((?:".*"\n)*)', re.M
)


def test_every_app_ships_a_vietnamese_catalogue():
    names = {path.relative_to(ROOT).parts[0] for path in CATALOGUES}
    assert {"campaigns", "home", "locale"} <= names


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.parent))
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
