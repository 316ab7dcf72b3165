"""profiles 0011 merges the skills that the quoting skill box had made into the ones meant."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from listings.models import Listing
from profiles.models import Coop, Member, Skill

BEFORE = [("profiles", "0010_murmurations_moves_to_data_io")]
WITH = [
    ("listings", "0002_listing_content_type"),
    ("exchanges", "0003_listing_moves_to_listings"),
    ("auth", "0012_alter_user_first_name_max_length"),
]


@pytest.mark.django_db(transaction=True)
def test_quoted_copies_merge_into_the_skill_meant_and_every_link_stays():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE + WITH).apps
    OldSkill = old.get_model("profiles", "Skill")
    meant = OldSkill.objects.create(name="Open source", slug="open-source", kind="tech")
    once = OldSkill.objects.create(name='"Open source"', slug="open-source_1", kind="tech")
    twice = OldSkill.objects.create(name='""Open source""', slug="open-source_2", kind="tech")
    only_quoted = OldSkill.objects.create(
        name='"Data visualisation"', slug="data-visualisation_1", kind="tech"
    )
    OldSkill.objects.create(name="C++", slug="c-plus-plus", kind="tech")
    coop = old.get_model("profiles", "Coop").objects.create(name="Outlandish", slug="outlandish")
    CoopSkill = old.get_model("profiles", "CoopSkill")
    CoopSkill.objects.create(coop=coop, skill=meant, relation="offers")
    CoopSkill.objects.create(coop=coop, skill=once, relation="offers")  # the same, twice
    CoopSkill.objects.create(coop=coop, skill=twice, relation="needs")
    user = old.get_model("auth", "User").objects.create(username="ana")
    member = old.get_model("profiles", "Member").objects.create(user=user, display_name="Ana")
    old.get_model("profiles", "MemberSkill").objects.create(
        member=member, skill=twice, relation="offers"
    )
    listing = old.get_model("listings", "Listing").objects.create(
        author=member, kind="need", title="Charts"
    )
    listing.skills.set([only_quoted, once])

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert sorted(Skill.objects.values_list("name", "slug")) == [
        ("C++", "c-plus-plus"),
        ("Data visualisation", "data-visualisation"),
        ("Open source", "open-source"),
    ]
    assert sorted(
        Coop.objects.get(slug="outlandish").skill_links.values_list("skill__name", "relation")
    ) == [("Open source", "needs"), ("Open source", "offers")]
    assert list(
        Member.objects.get(pk=member.pk).skill_links.values_list("skill__name", "relation")
    ) == [("Open source", "offers")]
    assert sorted(Listing.objects.get(pk=listing.pk).skills.values_list("name", flat=True)) == [
        "Data visualisation",
        "Open source",
    ]
