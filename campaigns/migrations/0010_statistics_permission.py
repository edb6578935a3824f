"""Who may read the visitor statistics report (issue 6).

The permission lives on ``DailyVisits``, the table the report's chart is drawn
from. ``campaigns_setup`` grants it to the officers and moderators (this
migration once did).
"""

from django.db import migrations


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
    ]
