"""Production settings, with the URLconf that adds the bare yardstick view."""

from cms.settings.production import *  # noqa: F403 -- the bench measures production.

ROOT_URLCONF = "bench.urls"
