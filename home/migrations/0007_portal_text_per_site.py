"""Portal texts per site: the texts written so far belong to the default site."""

import django.db.models.deletion
from django.db import migrations, models


def to_default_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    site = (
        Site.objects.filter(is_default_site=True).first()
        or Site.objects.order_by("pk").first()
    )
    texts = apps.get_model("home", "PortalText").objects.all()
    if site is None:
        texts.delete()
    else:
        texts.update(site=site)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_delete_homepagepinnedcampaign"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="portaltext",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.site",
            ),
        ),
        migrations.RunPython(to_default_site, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="portaltext",
            name="site",
            field=models.ForeignKey(
                help_text="The portal these texts belong to.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.site",
                verbose_name="site",
            ),
        ),
        migrations.AddConstraint(
            model_name="portaltext",
            constraint=models.UniqueConstraint(
                fields=("site", "locale"), name="portal_text_per_site"
            ),
        ),
    ]
