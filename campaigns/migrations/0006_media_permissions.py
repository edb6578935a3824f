"""Formerly the groups' video permissions; now granted by ``campaigns_setup``.

Kept, doing nothing, because existing databases have it applied.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0005_video_stories"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = []
