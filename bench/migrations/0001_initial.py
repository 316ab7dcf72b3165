from django.db import migrations, models

OLD_TABLE = "cotech_directory_scalenetwork"


def keep_old_records(apps, schema_editor):
    """A benchmark database seeded before the move keeps its record (and so its network)."""
    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return
    table = schema_editor.quote_name(apps.get_model("bench", "ScaleNetwork")._meta.db_table)
    columns = "id, params, started_at, finished_at"
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {OLD_TABLE}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" (SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )


class Migration(migrations.Migration):
    initial = True

    # No run_before on cotech_directory's 0002, which drops the old table: a database
    # migrated without this app has applied 0002 already, and Django would refuse it as
    # inconsistent. migrate runs apps' leaves in name order, so on a database seeded before
    # the move this copy runs first; if it does not, seed_scale just seeds again.
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ScaleNetwork",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("params", models.JSONField()),
                ("started_at", models.DateTimeField(auto_now_add=True)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
            ],
        ),
        migrations.RunPython(keep_old_records, migrations.RunPython.noop),
    ]
