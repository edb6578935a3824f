"""Numbers and dates follow the language of the page (DESIGN §7)."""

from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format, number_format

NUMBER = 66534666


@pytest.mark.parametrize(
    ("language", "shown"), [("vi", "66.534.666"), ("en", "66,534,666")]
)
def test_intcomma_groups_digits_the_way_the_language_does(language, shown):
    template = Template("{% load humanize %}{{ number|intcomma }}")
    with translation.override(language):
        assert template.render(Context({"number": NUMBER})) == shown
        assert number_format(NUMBER, force_grouping=True) == shown


@pytest.mark.parametrize(("language", "shown"), [("vi", "1.234,5"), ("en", "1,234.5")])
def test_localize_uses_the_language_separators(settings, language, shown):
    settings.USE_THOUSAND_SEPARATOR = True
    template = Template("{% load l10n %}{% localize on %}{{ number }}{% endlocalize %}")
    with translation.override(language):
        assert template.render(Context({"number": 1234.5})) == shown


def test_plain_numbers_stay_ungrouped_so_years_and_ids_read_right():
    with translation.override("vi"):
        assert Template("{{ year }}").render(Context({"year": 2022})) == "2022"


@pytest.mark.parametrize(
    ("language", "shown"),
    [("vi", "Ngày 22 tháng 2 năm 2022"), ("en", "Feb. 22, 2022")],
)
def test_dates_follow_the_language(language, shown):
    with translation.override(language):
        assert date_format(date(2022, 2, 22)) == shown
