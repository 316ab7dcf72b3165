"""
Data in and out left profiles for its own app (issue 12): a database migrated across
the move keeps what was sent to the Murmurations index and its content type.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from data_io.models import MurmurationsPublication

BEFORE_THE_MOVE = [("profiles", "0009_listing_moves_to_listings"), ("data_io", None)]
CONTRIB_AS_NOW = [("contenttypes", "0002_remove_content_type_name")]


@pytest.mark.django_db(transaction=True)
def test_a_database_migrated_across_the_move_keeps_what_was_published():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_THE_MOVE)
    old = executor.loader.project_state(BEFORE_THE_MOVE[:1] + CONTRIB_AS_NOW).apps
    old.get_model("profiles", "MurmurationsPublication").objects.create(
        profile_url="https://directory.example.coop/coops/café/murmurations.json",
        content_hash="a" * 64,
        published_at="2026-11-30T10:00:00Z",
        node_id="0xN0D3",
    )
    content_type_pk = (
        old.get_model("contenttypes", "ContentType")
        .objects.get(app_label="profiles", model="murmurationspublication")
        .pk
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    record = MurmurationsPublication.objects.get()
    assert (record.profile_url, record.node_id) == (
        "https://directory.example.coop/coops/café/murmurations.json",
        "0xN0D3",
    )
    content_type = ContentType.objects.get_for_model(MurmurationsPublication)
    assert (content_type.pk, content_type.app_label) == (content_type_pk, "data_io")
    assert MurmurationsPublication._meta.db_table == "profiles_murmurationspublication"
