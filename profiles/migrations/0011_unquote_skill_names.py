"""
Repair the skills that saving a form had corrupted (issue 13): the skill box showed
"Open source" as `"Open source"` and saved it back as a new skill, a layer of quotes
per save, with slugs open-source_1, open-source_2... Each such skill is merged into
the one it was meant to be (made, under its own name, when none is left): every co-op,
member, listing and exchange that had the copy keeps the skill, nobody loses a link.
"""

import re

from django.db import migrations

# As profiles.models.skills.normalise_skill_name does now (copied: see tests/test_migrations.py).
QUOTES = "\"'\u201c\u201d\u2018\u2019"


def canonical(name):
    name = re.sub(r"\s+", " ", name).strip()
    while len(name) >= 2 and name[0] in QUOTES and name[-1] in QUOTES:
        name = re.sub(r"\s+", " ", name[1:-1]).strip()
    return name


def _move_links(model, owner_field, duplicate, keeper, extra=()):
    """Point `model`'s rows at `keeper` instead of `duplicate`, dropping those it already has."""
    key = [owner_field, *extra]
    kept = set(model.objects.filter(skill_id=keeper.pk).values_list(*key))
    for link in model.objects.filter(skill_id=duplicate.pk):
        if tuple(getattr(link, field) for field in key) in kept:
            link.delete()
        else:
            kept.add(tuple(getattr(link, field) for field in key))
            link.skill_id = keeper.pk
            link.save(update_fields=["skill"])


def unquote_skills(apps, schema_editor):
    Skill = apps.get_model("profiles", "Skill")
    links = [
        (apps.get_model("profiles", "CoopSkill"), "coop_id", ("relation",)),
        (apps.get_model("profiles", "MemberSkill"), "member_id", ("relation",)),
        (apps.get_model("listings", "Listing").skills.through, "listing_id", ()),
        (apps.get_model("exchanges", "Exchange").skills.through, "exchange_id", ()),
    ]
    groups = {}
    for skill in Skill.objects.order_by("pk"):
        groups.setdefault(canonical(skill.name).casefold(), []).append(skill)
    for skills in groups.values():
        name = canonical(skills[0].name)
        if not name or all(skill.name == name for skill in skills):
            continue
        # The skill already spelt as meant, else the oldest, stays; the others merge in.
        keeper = next((skill for skill in skills if skill.name == name), skills[0])
        for duplicate in skills:
            if duplicate.pk == keeper.pk:
                continue
            for model, owner_field, extra in links:
                _move_links(model, owner_field, duplicate, keeper, extra)
            duplicate.delete()
        keeper.name = name
        numbered = re.fullmatch(r"(.+)_\d+", keeper.slug)
        if numbered and not Skill.objects.filter(slug=numbered[1]).exclude(pk=keeper.pk).exists():
            keeper.slug = numbered[1]
        keeper.save(update_fields=["name", "slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0010_murmurations_moves_to_data_io"),
        ("listings", "0002_listing_content_type"),
        ("exchanges", "0003_listing_moves_to_listings"),
    ]

    operations = [migrations.RunPython(unquote_skills, migrations.RunPython.noop)]
