"""Give the approval workflow and its task Vietnamese names (docs/languages.md).

Wagtail shows workflow and task names as stored, untranslated, and the
portal's editors and moderators work in Vietnamese.
"""

from django.db import migrations

NAMES = {"Moderator approval": "Kiểm duyệt trước khi đăng"}


def rename(apps, names):
    for model in ("Workflow", "Task"):
        manager = apps.get_model("wagtailcore", model).objects
        for old, new in names.items():
            manager.filter(name=old).update(name=new)


def to_vietnamese(apps, schema_editor):
    rename(apps, NAMES)


def to_english(apps, schema_editor):
    rename(apps, {new: old for old, new in NAMES.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_portaltext"),
        ("campaigns", "0002_editor_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(to_vietnamese, to_english)]
