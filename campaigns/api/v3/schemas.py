"""Schemas of the plugin's v3 endpoints."""

from ninja import Schema


class LocaleSchema(Schema):
    language_code: str
    name: str
    is_default: bool
