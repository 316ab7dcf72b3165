"""
The skill boxes of the member, co-op and listing forms (issue 13): a name with spaces,
accents or punctuation is shown as it is, never quoted, and saving a form unchanged
keeps every skill: no new skill, no lost one.
"""

import pytest

from listings.models import Listing
from profiles.models import Skill
from tests.factories import give_skills, make_coop, make_member
from tests.forms import submitted_form
from tests.listings.factories import make_need

pytestmark = pytest.mark.django_db

REAL_NAMES = ["Open source", "Community-led housing", "C++", "Gestió", "UX research", "C#"]


def skills_of(profile):
    return sorted(profile.skill_links.values_list("skill__name", "skill__kind", "relation"))


def test_the_member_form_shows_names_unquoted_and_saving_it_unchanged_keeps_them(client):
    member = make_member("Ana Núñez")
    give_skills(
        member, offers=REAL_NAMES, needs=["Data visualisation"], uses=["Visual Studio Code"]
    )
    before, skills_before = skills_of(member), Skill.objects.count()
    client.force_login(member.user)
    page = client.get("/me/edit/")
    html = page.content.decode()
    assert 'value="C#, C++, Community-led housing, Gestió, Open source, UX research"' in html
    assert "&quot;" not in html.split('name="tech_offers"')[1].split(">")[0]
    for _ in range(3):  # the most diligent members save most often
        page = client.get("/me/edit/")
        response = client.post("/me/edit/", submitted_form(page.content, containing="tech_offers"))
        assert response.status_code == 302
    assert skills_of(member) == before
    assert Skill.objects.count() == skills_before


def test_saving_a_coop_form_unchanged_keeps_its_multi_word_skills(client):
    admin = make_member("Sam")
    coop = make_coop("Outlandish", admins=[admin])
    give_skills(coop, offers=REAL_NAMES, uses=["Visual Studio Code"])
    give_skills(coop, needs=["Community-led housing", "Bookkeeping for co-ops"], kind="coop")
    before, skills_before = skills_of(coop), Skill.objects.count()
    client.force_login(admin.user)
    for _ in range(2):
        page = client.get(f"/coops/{coop.slug}/edit/")
        response = client.post(
            f"/coops/{coop.slug}/edit/", submitted_form(page.content, containing="tech_offers")
        )
        assert response.status_code == 302
    assert skills_of(coop) == before
    assert Skill.objects.count() == skills_before


def test_saving_a_listing_form_unchanged_keeps_its_multi_word_skills(client):
    member = make_member("Robin")
    listing = make_need(member, title="Pairing", skills=REAL_NAMES)
    before = sorted(listing.skills.values_list("name", flat=True))
    skills_before = Skill.objects.count()
    client.force_login(member.user)
    for _ in range(2):
        page = client.get(f"/listings/{listing.pk}/edit/")
        response = client.post(
            f"/listings/{listing.pk}/edit/", submitted_form(page.content, containing="tech_skills")
        )
        assert response.status_code == 302
    assert (
        sorted(Listing.objects.get(pk=listing.pk).skills.values_list("name", flat=True)) == before
    )
    assert Skill.objects.count() == skills_before


def test_quotes_typed_or_pasted_around_a_name_are_not_part_of_it(client):
    member = make_member("Ana")
    give_skills(member, offers=["Open source"])
    client.force_login(member.user)
    page = client.get("/me/edit/")
    data = submitted_form(page.content, containing="tech_offers")
    data["tech_offers"] = '"Open source", “Data visualisation”, ""UX research""'
    assert client.post("/me/edit/", data).status_code == 302
    assert sorted(member.skill_links.values_list("skill__name", flat=True)) == [
        "Data visualisation",
        "Open source",
        "UX research",
    ]


def test_a_nul_byte_in_a_skill_box_is_a_form_error_and_nothing_is_saved(client):
    member = make_member("Ana", bio="Before")
    give_skills(member, offers=["Django"])
    client.force_login(member.user)
    page = client.get("/me/edit/")
    data = submitted_form(page.content, containing="tech_offers")
    data.update(tech_offers="Django, Ru\x00st", bio="After")
    response = client.post("/me/edit/", data)
    assert response.status_code == 200
    assert "Skill names cannot hold control characters" in response.content.decode()
    member.refresh_from_db()
    assert member.bio == "Before"
    assert list(member.skill_links.values_list("skill__name", flat=True)) == ["Django"]
