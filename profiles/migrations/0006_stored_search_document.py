import django.contrib.postgres.search
from django.db import migrations

# On PostgreSQL, profiles keep their search text as a stored tsvector with a GIN
# index; the expression indexes of 0002 give way to these. SQLite searches with a
# contains-match and has neither, so there the data and index steps do nothing.
TABLES = [("profiles_coop", "coop_search_gin", "coop_document_gin"),
          ("profiles_member", "member_search_gin", "member_document_gin")]  # fmt: skip


def store_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, old_index, new_index in TABLES:
        schema_editor.execute(
            f"UPDATE {table} SET search_document = to_tsvector('english', search_text)"
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS {old_index}")
        schema_editor.execute(f"CREATE INDEX {new_index} ON {table} USING gin (search_document)")


def restore_expression_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, old_index, new_index in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {new_index}")
        schema_editor.execute(
            f"CREATE INDEX {old_index} ON {table} "
            "USING gin (to_tsvector('english'::regconfig, COALESCE(search_text, '')))"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0005_coop_logo_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="coop",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="member",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(store_documents, restore_expression_indexes),
    ]
