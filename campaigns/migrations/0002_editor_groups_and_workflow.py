"""Formerly the editor groups and the approval workflow; now ``campaigns_setup``.

Kept, doing nothing, because existing databases have it applied. It needed the
host's home page; the groups, their grants and the workflow are made by the
``campaigns_setup`` command (``campaigns/setup.py``), which any site can run.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0001_initial")]

    operations = []
