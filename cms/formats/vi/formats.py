"""Vietnamese formats: Django's, plus digit grouping and the admin's input formats.

Django's ``vi`` module sets the separators but no ``NUMBER_GROUPING``, so
``intcomma`` printed 66534666; with it, 66.534.666.
"""

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3

# Input formats that parse what the admin date pickers write (WAGTAIL_DATE_FORMAT).
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
