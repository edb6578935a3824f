"""Visitor statistics per site, and a headless preview address per site (DESIGN §12).

Days and recent visitors counted before belong to the default site. A database
with no site at all cannot have counted a visit; its rows, if any, are dropped.
"""

import django.db.models.deletion
from django.db import migrations, models


def _default_site(apps):
    Site = apps.get_model("wagtailcore", "Site")
    return (
        Site.objects.filter(is_default_site=True).first()
        or Site.objects.order_by("pk").first()
    )


def to_default_site(apps, schema_editor):
    site = _default_site(apps)
    for name in ("DailyVisits", "RecentVisitor"):
        rows = apps.get_model("campaigns", name).objects.all()
        if site is None:
            rows.delete()
        else:
            rows.update(site=site)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0013_windows_shared_with_redis"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="recentvisitor", name="recent_visitor"),
        migrations.AddField(
            model_name="dailyvisits",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.site",
            ),
        ),
        migrations.AddField(
            model_name="recentvisitor",
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
            model_name="dailyvisits",
            name="site",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.site",
            ),
        ),
        migrations.AlterField(
            model_name="recentvisitor",
            name="site",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.site",
            ),
        ),
        migrations.AlterField(
            model_name="dailyvisits", name="day", field=models.DateField()
        ),
        migrations.AddField(
            model_name="dailyvisits",
            name="id",
            field=models.BigAutoField(
                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
            ),
            preserve_default=False,
        ),
        migrations.AddConstraint(
            model_name="dailyvisits",
            constraint=models.UniqueConstraint(
                fields=("site", "day"), name="daily_visits"
            ),
        ),
        migrations.AddConstraint(
            model_name="recentvisitor",
            constraint=models.UniqueConstraint(
                fields=("site", "day", "visitor"), name="recent_site_visitor"
            ),
        ),
        migrations.CreateModel(
            name="HeadlessPreviewSettings",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "front_end_url",
                    models.URLField(
                        blank=True,
                        help_text=(
                            "The page of this site's headless front-end that shows "
                            "a draft for ?token=. Blank: the "
                            "CAMPAIGNS_HEADLESS_PREVIEW_URL setting."
                        ),
                        verbose_name="front-end preview address",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={"verbose_name": "headless preview"},
        ),
    ]
