"""An exchange's listing now points at listings.Listing: the same table, so state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("exchanges", "0002_default_agreement_template"),
        ("listings", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="exchange",
                    name="listing",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="The need or offer this exchange came from.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="exchanges",
                        to="listings.listing",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
