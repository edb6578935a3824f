"""The comment moderation queue in the Wagtail admin (DESIGN §5, issue 5)."""
