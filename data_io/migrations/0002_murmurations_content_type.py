"""
The Murmurations record's content type moves from profiles to data_io, so its
permissions and admin history follow the model instead of being orphaned.
"""

from django.db import migrations


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="profiles", model="murmurationspublication").first()
    if old is None:
        return  # a new database: post_migrate makes the data_io one
    stale = ContentType.objects.filter(app_label="data_io", model="murmurationspublication").first()
    if stale is not None:
        # Made by an earlier post_migrate before this ran: the old one carries the grants.
        stale.delete()
    old.app_label = "data_io"
    old.save(update_fields=["app_label"])


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="data_io", model="murmurationspublication").update(
        app_label="profiles"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("data_io", "0001_initial"),
        ("profiles", "0010_murmurations_moves_to_data_io"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move_content_type, move_content_type_back)]
