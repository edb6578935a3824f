"""English formats: Django's, with admin dates read the same way as in Vietnamese."""

from cms.formats.vi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

__all__ = [
    "DATETIME_INPUT_FORMATS",
    "DATE_INPUT_FORMATS",
    "DECIMAL_SEPARATOR",
    "NUMBER_GROUPING",
    "THOUSAND_SEPARATOR",
]
