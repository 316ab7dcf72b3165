"""Skills and tools: taggit tags with a kind, and who offers, needs or uses them."""

import re
from typing import NamedTuple

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from taggit.models import TagBase

MAX_SKILL_LENGTH = 50
# Characters that carry meaning in technology names and that slugify would drop,
# so that "C", "C++" and "C#" stay three different skills with three URLs.
SLUG_WORDS = {"+": "plus", "#": "sharp", ".": "dot"}


# Quotes around a whole name are never part of it: they came from a box that once
# quoted names with spaces ("Open source"), or from a pasted list.
SKILL_QUOTES = "\"'\u201c\u201d\u2018\u2019"  # " ' and the curly ones


def normalise_skill_name(name):
    """ "  django ", "Django" and `"Django"` are one skill: trim, unquote, collapse spaces."""
    name = re.sub(r"\s+", " ", name).strip()
    while len(name) >= 2 and name[0] in SKILL_QUOTES and name[-1] in SKILL_QUOTES:
        name = re.sub(r"\s+", " ", name[1:-1]).strip()
    return name


class SkillKind(models.TextChoices):
    TECH = "tech", "Tech skill"
    COOP = "coop", "Co-op & business skill"
    TOOL = "tool", "Tool"


class SkillQuerySet(models.QuerySet):
    def resolve(self, names, kind):
        """
        The skills with these names, created with `kind` where new.

        Matching ignores case and surrounding spaces, so "Django", "django " and
        "DJANGO" are one skill; the spelling first typed is kept for display.
        """
        wanted = {}
        for name in names:
            name = normalise_skill_name(name)
            if name:
                wanted.setdefault(name.casefold(), name)
        if not wanted:
            return []
        existing = {
            skill.name.casefold(): skill
            for skill in self.annotate(folded=Lower("name")).filter(folded__in=list(wanted))
        }
        skills = []
        for folded, name in wanted.items():
            skill = existing.get(folded)
            if skill is None:
                skill, _ = self.get_or_create(
                    name__iexact=name, defaults={"name": name, "kind": kind}
                )
            skills.append(skill)
        return skills


class Skill(TagBase):
    """A tech skill, a co-op or business skill, or a tool: a taggit tag with a kind."""

    kind = models.CharField(max_length=10, choices=SkillKind, default=SkillKind.TECH)

    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="skill_name_unique_ignoring_case"),
        ]

    def slugify(self, tag, i=None):
        for char, word in SLUG_WORDS.items():
            tag = tag.replace(char, f" {word} ")
        return super().slugify(tag, i)

    def get_absolute_url(self):
        return reverse("profiles:skill-detail", args=[self.slug])


class SkillRelation(models.TextChoices):
    OFFERS = "offers", "Offers"
    NEEDS = "needs", "Needs"
    USES = "uses", "Uses"


class SkillGroup(NamedTuple):
    """
    One box of skills on a profile, as every part of the site shows it: the profile form's
    field, the profile page's list, the API's field and the CSV column. Which group a skill
    falls in depends on its link's relation and the skill's kind, never on the box it was
    first typed into, so a tag first created as another kind still shows (and round-trips).
    """

    name: str  # the API field and CSV column
    form_field: str
    label: str
    relation: str
    kinds: frozenset[str]  # the kinds of skill shown in this group
    new_kind: str  # the kind a skill first typed here is created with

    def holds(self, link):
        """Whether a CoopSkill or MemberSkill link belongs in this group."""
        return link.relation == self.relation and link.skill.kind in self.kinds


# A tool someone offers or needs is a tech skill: "tech skills" is tech plus tools, everywhere.
TECH_KINDS = frozenset({SkillKind.TECH, SkillKind.TOOL})
COOP_KINDS = frozenset({SkillKind.COOP})
ALL_KINDS = frozenset(SkillKind)

SKILL_GROUPS = (
    SkillGroup(
        "tech_skills_offered",
        "tech_offers",
        "Tech skills offered",
        SkillRelation.OFFERS,
        TECH_KINDS,
        SkillKind.TECH,
    ),
    SkillGroup(
        "tech_skills_needed",
        "tech_needs",
        "Tech skills needed",
        SkillRelation.NEEDS,
        TECH_KINDS,
        SkillKind.TECH,
    ),
    SkillGroup(
        "coop_skills_offered",
        "coop_offers",
        "Co-op & business skills offered",
        SkillRelation.OFFERS,
        COOP_KINDS,
        SkillKind.COOP,
    ),
    SkillGroup(
        "coop_skills_needed",
        "coop_needs",
        "Co-op & business skills needed",
        SkillRelation.NEEDS,
        COOP_KINDS,
        SkillKind.COOP,
    ),
    SkillGroup("tools", "tools", "Tools used", SkillRelation.USES, ALL_KINDS, SkillKind.TOOL),
)
SKILL_GROUP = {group.name: group for group in SKILL_GROUPS}


class CoopSkill(models.Model):
    """A co-op offers, needs or uses a skill or tool."""

    coop = models.ForeignKey("profiles.Coop", on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="coop_links")
    relation = models.CharField(max_length=10, choices=SkillRelation)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["coop", "skill", "relation"], name="coopskill_unique_per_relation"
            )
        ]
        indexes = [
            # The skill page and matching: who offers (or needs) this skill? With the
            # coop in the key, matching counts shared skills from the index alone.
            models.Index(fields=["skill", "relation", "coop"], name="coopskill_match"),
        ]

    def __str__(self):
        return f"{self.coop} {self.relation} {self.skill}"


class MemberSkill(models.Model):
    """A member offers, needs or uses a skill or tool."""

    member = models.ForeignKey(
        "profiles.Member", on_delete=models.CASCADE, related_name="skill_links"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="member_links")
    relation = models.CharField(max_length=10, choices=SkillRelation)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "skill", "relation"], name="memberskill_unique_per_relation"
            )
        ]
        indexes = [
            # The skill page and matching: who offers (or needs) this skill? With the
            # member in the key, matching counts shared skills from the index alone.
            models.Index(fields=["skill", "relation", "member"], name="memberskill_match"),
        ]

    def __str__(self):
        return f"{self.member} {self.relation} {self.skill}"
