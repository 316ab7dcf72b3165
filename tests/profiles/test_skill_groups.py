"""
Skill groups are defined once (profiles.models.skills.SKILL_GROUPS): the co-op's page, its edit
form, the JSON API and the CSV export list the same skills in the same groups, whatever kind a
skill's tag was first created as.
"""

import csv
import io
import re
from html import unescape

import pytest

from profiles.models import CoopSkill, Skill, SkillRelation
from profiles.models.skills import SKILL_GROUPS, SkillKind
from tests.factories import make_coop, make_member
from tests.forms import submitted_form

pytestmark = pytest.mark.django_db

# The profile page's aria-labels for each group's list of tags.
PAGE_LABELS = {
    "Tech skills offered": "tech_skills_offered",
    "Tech skills needed": "tech_skills_needed",
    "Co-op and business skills offered": "coop_skills_offered",
    "Co-op and business skills needed": "coop_skills_needed",
    "Tools used": "tools",
}
EXPECTED = {
    # A tool offered counts as a tech skill offered; a tech skill used counts as a tool.
    "tech_skills_offered": ["Docker", "Python"],
    "tech_skills_needed": ["Rust"],
    "coop_skills_offered": ["Facilitation"],
    "coop_skills_needed": ["Bookkeeping"],
    "tools": ["Kubernetes", "Loomio"],
}


@pytest.fixture
def coop():
    """A co-op whose skills were first created, elsewhere, as other kinds than their box's."""
    admin = make_member("Ada Admin")
    coop = make_coop("Mixed Kinds", admins=[admin])
    kinds = {
        "Docker": SkillKind.TOOL,  # first typed as a tool, offered as a tech skill
        "Python": SkillKind.TECH,
        "Rust": SkillKind.TECH,
        "Facilitation": SkillKind.COOP,
        "Bookkeeping": SkillKind.COOP,
        "Kubernetes": SkillKind.TECH,  # first typed as a tech skill, used as a tool
        "Loomio": SkillKind.TOOL,
    }
    skills = {name: Skill.objects.create(name=name, kind=kind) for name, kind in kinds.items()}
    for relation, names in (
        (SkillRelation.OFFERS, ["Docker", "Python", "Facilitation"]),
        (SkillRelation.NEEDS, ["Rust", "Bookkeeping"]),
        (SkillRelation.USES, ["Kubernetes", "Loomio"]),
    ):
        for name in names:
            CoopSkill.objects.create(coop=coop, skill=skills[name], relation=relation)
    coop.admin = admin
    return coop


def page_groups(html):
    groups = {}
    for label, items in re.findall(r'<ul class="tags" aria-label="([^"]+)">(.*?)</ul>', html, re.S):
        if label in PAGE_LABELS:
            names = [unescape(name) for name in re.findall(r"<a [^>]*>([^<]+)</a>", items)]
            groups[PAGE_LABELS[label]] = names
    return {name: groups.get(name, []) for name in EXPECTED}


def test_the_page_the_api_and_the_csv_list_the_same_skills_in_the_same_groups(client, coop):
    page = page_groups(client.get(coop.get_absolute_url()).content.decode())
    api = client.get(f"/api/coops/{coop.slug}/").json()
    [row] = csv.DictReader(io.StringIO(client.get("/coops/export.csv").content.decode()))

    assert page == EXPECTED
    assert {name: api[name] for name in EXPECTED} == EXPECTED
    assert {name: row[name].split("; ") for name in EXPECTED} == EXPECTED


def test_the_edit_form_shows_each_skill_in_the_same_group(client, coop):
    client.force_login(coop.admin.user)
    form = client.get(f"/coops/{coop.slug}/edit/").context["form"]
    shown = {group.name: sorted(form.initial[group.form_field]) for group in SKILL_GROUPS}
    assert shown == EXPECTED


def test_saving_the_edit_form_unchanged_keeps_every_skill_and_its_kind(client, coop):
    client.force_login(coop.admin.user)
    before = sorted(coop.skill_links.values_list("skill__name", "skill__kind", "relation"))
    page = client.get(f"/coops/{coop.slug}/edit/")
    response = client.post(
        f"/coops/{coop.slug}/edit/", submitted_form(page.content, containing="tech_offers")
    )
    assert response.status_code == 302
    after = sorted(coop.skill_links.values_list("skill__name", "skill__kind", "relation"))
    assert after == before
