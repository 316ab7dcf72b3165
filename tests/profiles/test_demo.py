"""seed_demo grows a realistic network, idempotently."""

import pytest
from django.core.management import call_command

from cotech_directory.demo import DEMO_EMAIL
from profiles.models import Coop, CoopSkill, Member, Membership, MemberSkill, Skill

pytestmark = pytest.mark.django_db

MODELS = (Coop, Member, Membership, Skill, CoopSkill, MemberSkill)


def test_seed_demo_grows_a_network_with_stale_profiles_and_is_idempotent():
    call_command("seed_demo")
    counts = {model: model.objects.count() for model in MODELS}
    call_command("seed_demo")
    assert {model: model.objects.count() for model in MODELS} == counts

    # A dozen from the profiles seeder; the other areas' demo data may add a few.
    assert Coop.objects.public().count() >= 12
    assert Member.objects.listed().count() >= 30
    assert Coop.objects.public().stale().exists() and Member.objects.listed().stale().exists()
    # Skills overlap: several co-ops offer the same one.
    assert CoopSkill.objects.filter(skill__name="Django", relation="offers").count() >= 3

    demo = Member.objects.get(user__email=DEMO_EMAIL)
    assert demo.display_name and not demo.is_stale and demo.skill_links.exists()
    assert Membership.objects.filter(
        member=demo, role="admin", coop__status=Coop.Status.APPROVED
    ).exists()
    assert "Django" in Coop.objects.get(slug="outlandish").search_text
