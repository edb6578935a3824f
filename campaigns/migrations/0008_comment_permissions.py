"""Formerly the groups' comment permissions; now granted by ``campaigns_setup``.

Kept, doing nothing, because existing databases have it applied.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0007_comments")]

    operations = []
