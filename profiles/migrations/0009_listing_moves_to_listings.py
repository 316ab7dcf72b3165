"""Listings now live in the listings app (listings 0001): profiles forgets the model, the table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0008_member_directory_order"),
        ("listings", "0001_initial"),
        ("exchanges", "0003_listing_moves_to_listings"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Listing")],
            database_operations=[],
        ),
    ]
