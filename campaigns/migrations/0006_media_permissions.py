"""Communications officers and moderators may upload and edit videos (wagtailmedia)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Communications officers", "Moderators"]


def grant_media_permissions(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Collection = apps.get_model("wagtailcore.Collection")
    Group = apps.get_model("auth.Group")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Permission = apps.get_model("auth.Permission")
    root = Collection.objects.get(depth=1)
    for group in Group.objects.filter(name__in=GROUPS):
        for codename in ("add_media", "change_media"):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailmedia", codename=codename
                ),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0005_video_stories"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = [
        migrations.RunPython(grant_media_permissions, migrations.RunPython.noop)
    ]
