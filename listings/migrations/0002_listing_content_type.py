"""
The listing's content type moves from profiles to listings, so the permissions
granted on listings (add_listing, change_listing...) and the admin's history of
them follow the model instead of being orphaned and made again.
"""

from django.db import migrations


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="profiles", model="listing").first()
    if old is None:
        return  # a new database: post_migrate makes the listings one
    stale = ContentType.objects.filter(app_label="listings", model="listing").first()
    if stale is not None:
        # Made by an earlier post_migrate before this ran: the old one carries the grants.
        stale.delete()
    old.app_label = "listings"
    old.save(update_fields=["app_label"])


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="listings", model="listing").update(
        app_label="profiles"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("listings", "0001_initial"),
        ("profiles", "0009_listing_moves_to_listings"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move_content_type, move_content_type_back)]
