# The benchmark's table leaves production databases (the bench app has its own).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cotech_directory", "0001_scale_network")]

    operations = [
        migrations.RunSQL(
            "DROP TABLE IF EXISTS cotech_directory_scalenetwork", migrations.RunSQL.noop
        ),
    ]
