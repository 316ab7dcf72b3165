"""The Murmurations record now lives in data_io (data_io 0001): profiles forgets the model, the table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0009_listing_moves_to_listings"),
        ("data_io", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="MurmurationsPublication")],
            database_operations=[],
        ),
    ]
