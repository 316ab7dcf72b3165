"""Skills: one tag however it is typed, and the page of who offers and who needs it."""

import pytest
from django.urls import reverse

from profiles.models import Coop, Skill
from profiles.models.skills import SkillKind
from tests.factories import give_skills, make_coop, make_member
from tests.profiles.factories import make_stale_coop

pytestmark = pytest.mark.django_db


def test_names_typed_differently_are_one_skill(db):
    skills = Skill.objects.resolve(["Django", "django ", " DJANGO", "Open   source"], "tech")
    assert [s.name for s in skills] == ["Django", "Open source"]
    assert Skill.objects.resolve(["dJango"], SkillKind.COOP)[0].pk == skills[0].pk
    assert Skill.objects.count() == 2


def test_c_cplusplus_and_csharp_are_three_skills_with_three_pages(client, db):
    skills = Skill.objects.resolve(["C", "C++", "C#"], "tech")
    assert len({s.slug for s in skills}) == 3
    for skill in skills:
        assert client.get(skill.get_absolute_url()).status_code == 200


def test_the_skill_page_lists_who_offers_and_who_needs_it_side_by_side(cast, client_as):
    give_skills(make_coop("Offering Co-op"), offers=["Django"])
    give_skills(make_coop("Needing Co-op"), needs=["django"])
    give_skills(make_stale_coop("Stale Offering Co-op"), offers=["Django"])
    give_skills(make_coop("Hidden Co-op", status=Coop.Status.PENDING), offers=["Django"])
    give_skills(cast.member, offers=["Django"])
    give_skills(cast.outsider, needs=["Django"])
    url = reverse("profiles:skill-detail", args=["django"])

    response = client_as(cast.owner.user).get(url)
    offers, needs = response.context["offers"], response.context["needs"]
    assert [c.name for c in offers["coops"]] == ["Offering Co-op", "Stale Offering Co-op"]
    assert [c.name for c in needs["coops"]] == ["Needing Co-op"]
    assert [m.display_name for m in offers["members"]] == ["Mo Member"]
    assert [m.display_name for m in needs["members"]] == ["Oz Outsider"]
    assert "Offered by" in response.text and "Needed by" in response.text
    assert "Hidden Co-op" not in response.text

    anonymous = client_as(None).get(url)
    assert "Offering Co-op" in anonymous.text
    assert "Mo Member" not in anonymous.text  # people are for signed-in members only


def test_an_unknown_skill_is_404(client, db):
    assert client.get(reverse("profiles:skill-detail", args=["nope"])).status_code == 404


def test_profile_pages_link_each_skill_to_its_page(cast, client_as):
    give_skills(cast.coop, offers=["Elixir"])
    give_skills(make_member("Someone"), needs=["Elixir"])
    html = client_as(None).get(cast.coop.get_absolute_url()).text
    assert f'href="{reverse("profiles:skill-detail", args=["elixir"])}"' in html
