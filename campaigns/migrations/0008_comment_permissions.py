"""Moderators work the comment queue; communications officers may read it (DESIGN §5).

Changing a comment (its status, its text, the official reply) is the
moderation permission. Nobody gets "add": comments come from readers.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Moderators": [
        "view_comment",
        "change_comment",
        "delete_comment",
        "view_commentblock",
        "add_commentblock",
        "change_commentblock",
        "delete_commentblock",
        "change_commentpolicy",
    ],
    "Communications officers": ["view_comment"],
}


def grant_comment_permissions(apps, schema_editor):
    app_config = apps.get_app_config("campaigns")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="campaigns", codename__in=codenames
            )
        )


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0007_comments")]

    operations = [
        migrations.RunPython(grant_comment_permissions, migrations.RunPython.noop)
    ]
