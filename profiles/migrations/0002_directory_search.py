from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

# The directory search (/coops/?q=, /members/?q=) on PostgreSQL: full-text
# indexes over each profile's search_text. Other databases have no GIN index and
# search with a contains-match, so there the operation does nothing.
INDEXES = [("Coop", "coop_search_gin"), ("Member", "member_search_gin")]


def search_index(name):
    """The expression index of this migration (0006 replaced it by a stored document's)."""
    return GinIndex(SearchVector("search_text", config="english"), name=name)


def add_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index_name in INDEXES:
        schema_editor.add_index(apps.get_model("profiles", model_name), search_index(index_name))


def remove_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index_name in INDEXES:
        schema_editor.remove_index(
            apps.get_model("profiles", model_name), search_index(index_name)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="invitation",
            options={"ordering": ["created_at", "pk"]},
        ),
        migrations.AlterModelOptions(
            name="joinrequest",
            options={"ordering": ["created_at", "pk"]},
        ),
        migrations.RunPython(add_search_indexes, remove_search_indexes),
    ]
