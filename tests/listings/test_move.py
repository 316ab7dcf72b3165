"""
Listings moved from profiles into their own app (issue 12) without moving a row:
a database migrated across the move keeps its listings, their skills, the
content type and with it the permissions granted and the admin's history.
"""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from listings.models import Listing

BEFORE_THE_MOVE = [
    ("profiles", "0008_member_directory_order"),
    ("exchanges", "0002_default_agreement_template"),
    ("listings", None),
]
# The contrib apps' tables as they are (the move changes none of them).
CONTRIB_AS_NOW = [
    ("admin", "0003_logentry_add_action_flag_choices"),
    ("auth", "0012_alter_user_first_name_max_length"),
    ("contenttypes", "0002_remove_content_type_name"),
]


def _old_network(apps):
    """A listing as it was made before the move, granted to a group and edited in the admin."""
    user = apps.get_model("auth", "User").objects.create(username="ana", email="ana@example.coop")
    member = apps.get_model("profiles", "Member").objects.create(
        user=user, display_name="Ana Núñez"
    )
    skills = [
        apps.get_model("profiles", "Skill").objects.create(name=name, slug=slug, kind="tech")
        for name, slug in [("Open source", "open-source"), ("Data visualisation", "data-vis")]
    ]
    listing = apps.get_model("profiles", "Listing").objects.create(
        author=member, kind="need", title="Pairing on a Django upgrade", region="Yorkshire"
    )
    listing.skills.set(skills)
    content_type = apps.get_model("contenttypes", "ContentType").objects.get(
        app_label="profiles", model="listing"
    )
    permission = apps.get_model("auth", "Permission").objects.get(
        content_type=content_type, codename="change_listing"
    )
    group = apps.get_model("auth", "Group").objects.create(name="Listing tidiers")
    group.permissions.add(permission)
    apps.get_model("admin", "LogEntry").objects.create(
        user=user,
        content_type=content_type,
        object_id=str(listing.pk),
        object_repr=listing.title,
        action_flag=2,
    )
    return listing.pk, content_type.pk


@pytest.mark.django_db(transaction=True)
def test_a_database_migrated_across_the_move_keeps_listings_grants_and_history():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_THE_MOVE)
    old_state = executor.loader.project_state(
        [node for node in BEFORE_THE_MOVE if node[1]] + CONTRIB_AS_NOW
    )
    listing_pk, content_type_pk = _old_network(old_state.apps)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    listing = Listing.objects.get(pk=listing_pk)
    assert (listing.title, listing.region) == ("Pairing on a Django upgrade", "Yorkshire")
    assert sorted(listing.skills.values_list("name", flat=True)) == [
        "Data visualisation",
        "Open source",
    ]
    content_type = ContentType.objects.get_for_model(Listing)
    assert (content_type.pk, content_type.app_label) == (content_type_pk, "listings")
    assert not ContentType.objects.filter(app_label="profiles", model="listing").exists()
    granted = Group.objects.get(name="Listing tidiers").permissions.get()
    assert (granted.content_type_id, granted.codename) == (content_type_pk, "change_listing")
    assert LogEntry.objects.get().get_edited_object() == listing
    assert listing._meta.db_table == "profiles_listing"
    assert Listing.skills.through._meta.db_table == "profiles_listing_skills"
