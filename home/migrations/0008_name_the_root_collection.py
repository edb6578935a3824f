"""Name Wagtail's root collection in the portal's language, not "Root".

Its name is data that every collection chooser shows. Only Wagtail's own
default is renamed; a name an administrator gave it is kept.
"""

from django.db import migrations

WAGTAIL_DEFAULT = "Root"
PORTAL_NAME = "Thư viện chung"


def rename(apps, schema_editor, old=WAGTAIL_DEFAULT, new=PORTAL_NAME):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=old).update(name=new)


def restore(apps, schema_editor):
    rename(apps, schema_editor, old=PORTAL_NAME, new=WAGTAIL_DEFAULT)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_portal_text_per_site"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(rename, restore)]
