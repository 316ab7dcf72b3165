"""
What the search and filter forms suggest: skill names and regions, for <datalist>s.

The lists are the same for everyone and change slowly, so each is kept in the
shared cache for a few minutes. At a hundred times the network's size, finding
the distinct regions of 100,000 members or the skills of 200,000 listings on
every page view cost more than the rest of the page together (issue #8).
A new skill or region shows up in the suggestions within TTL.SUGGESTIONS; the
filters themselves accept any text, so nothing waits on the cache.
"""

import operator
from functools import reduce

from django.core.cache import cache
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from core.caching import TTL, cache_key
from profiles.models import Coop, CoopSkill, Member, MemberSkill, Skill

MAX_SKILL_SUGGESTIONS = 300
MAX_REGION_SUGGESTIONS = 200


def skill_suggestions():
    """The names of the most used skills, alphabetically: one query, or none when cached."""
    return cache.get_or_set(cache_key("skill-suggestions"), _most_used_skill_names, TTL.SUGGESTIONS)


# The models whose rows each link one skill to something (field "skill"): a skill's
# uses are counted over them all. Listings add their skills table (ListingsConfig).
SKILL_USES = [CoopSkill, MemberSkill]


def _uses(model, field="skill"):
    uses = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field)
    count = uses.annotate(uses=Count("*")).values("uses")
    return Coalesce(Subquery(count, output_field=IntegerField()), Value(0))


def _most_used_skill_names():
    most_used = (
        Skill.objects.annotate(uses=reduce(operator.add, (_uses(model) for model in SKILL_USES)))
        .order_by("-uses", "name")
        .values_list("name", flat=True)[:MAX_SKILL_SUGGESTIONS]
    )
    return sorted(most_used, key=str.casefold)


# Regions are suggested from what visitors may see: public co-ops and public
# open listings (added by ListingsConfig); listed members' regions only on the
# members-only directory.
REGION_SOURCES = {
    "coops": lambda: Coop.objects.public(),
    "members": lambda: Member.objects.listed(),
}


def region_suggestions(source):
    """The regions named by `source` (a key of REGION_SOURCES), alphabetically."""
    return cache.get_or_set(
        cache_key("region-suggestions", source), lambda: _regions(source), TTL.SUGGESTIONS
    )


def _regions(source):
    regions = (
        REGION_SOURCES[source]()
        .exclude(region="")
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )
    return list(regions[:MAX_REGION_SUGGESTIONS])
