"""English reads admin dates the same way as Vietnamese (see ``cms.formats.vi``)."""

from cms.formats.vi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

__all__ = ["DATETIME_INPUT_FORMATS", "DATE_INPUT_FORMATS"]
