"""How wagtail-localize, when the host has it, treats the plugin's page fields."""

try:
    from wagtail_localize.fields import BaseTranslatableField
except ImportError:  # wagtail-localize is optional
    BaseTranslatableField = None


def kept_per_language(*field_names: str) -> list:
    """``override_translatable_fields`` for fields each language edits itself.

    wagtail-localize neither translates nor syncs them from the source page: a
    translation starts with a copy and keeps what its editors set, as topic
    tags in the page's own language or the pins of its own index.
    """
    if BaseTranslatableField is None:
        return []
    return [BaseTranslatableField(name) for name in field_names]
