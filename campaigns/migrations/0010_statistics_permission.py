"""Who may read the visitor statistics report (issue 6).

Superusers, moderators and communications officers. The permission lives on
``DailyVisits``, the table the report's chart is drawn from.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Moderators", "Communications officers"]


def grant_statistics_permission(apps, schema_editor):
    app_config = apps.get_app_config("campaigns")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(
        content_type__app_label="campaigns", codename="view_statistics"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0009_view_statistics")]

    operations = [
        migrations.AlterModelOptions(
            name="dailyvisits",
            options={
                "permissions": [("view_statistics", "Can view visitor statistics")],
                "verbose_name": "daily visits",
                "verbose_name_plural": "daily visits",
            },
        ),
        migrations.RunPython(grant_statistics_permission, migrations.RunPython.noop),
    ]
