from django.db import migrations

# /members/ lists listed members freshest first (FreshnessQuerySet.freshest_first):
# read in that order from an index, a page of 20 stops after 20 rows instead of
# sorting every fresh member. SQLite cannot index NULLS LAST, and needs it less.
CREATE = """
CREATE INDEX IF NOT EXISTS member_freshest ON profiles_member
    (last_confirmed_at DESC NULLS LAST, id) WHERE NOT (display_name = '')
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS member_freshest")


class Migration(migrations.Migration):
    dependencies = [("profiles", "0007_matching_covering_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
