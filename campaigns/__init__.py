"""Campaigns, video stories, moderated comments and visitor statistics for Wagtail."""

__version__ = "0.2.0"
