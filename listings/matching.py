"""
Suggesting who could meet a need (or use an offer), ranked and explained.

Candidates of three kinds (open listings, member profiles, co-op profiles) are
ranked together by one SQL query: each kind's part counts the skills a candidate
shares and scores it, and the union is sorted and cut to the few kept. Only those
few rows are then fetched, one query per kind, whatever the number of lists
asked for (the home page asks for two). At a hundred times the network's size a
common skill has tens of thousands of candidates: the ranking reads only narrow
covering indexes (migration 0007) and carries nothing but ids and scores.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    StringAgg,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.timesince import timesince

from core.caching import TTL, cache_key
from listings.models import Listing
from profiles.models import Coop, CoopSkill, Member, MemberSkill, SkillRelation

# A shared skill outweighs everything else; place and freshness break ties
# between candidates that share as many skills.
SKILL_WEIGHT = 10
SAME_REGION_WEIGHT = 3
REMOTE_WEIGHT = 2
FRESH_WEIGHT = 2  # confirmed in the last RECENT_DAYS
RECENT_DAYS = 30
FAIRLY_FRESH_WEIGHT = 1  # confirmed in the last FAIRLY_RECENT_DAYS
FAIRLY_RECENT_DAYS = 90


@dataclass
class Match:
    """One suggestion: a listing, a member or a co-op, with why it was suggested."""

    kind: str  # "listing", "member" or "coop"
    obj: Listing | Member | Coop
    score: int
    verb: str  # "offers" or "needs"
    shared_skills: list  # names, alphabetically
    same_region: bool
    remote_ok: bool
    confirmed_at: datetime | None

    @property
    def reasons(self):
        """The explanation, as short phrases: "offers Django and Kubernetes", "same region"..."""
        names = self.shared_skills
        reasons = [f"{self.verb} {join_names(names)}"] if names else []
        if self.same_region:
            reasons.append("same region")
        if self.confirmed_at and timezone.now() - self.confirmed_at < timedelta(days=1):
            reasons.append("confirmed today")
        elif self.confirmed_at:
            reasons.append(f"confirmed {timesince(self.confirmed_at, depth=1)} ago")
        if self.remote_ok and not self.same_region:
            reasons.append("remote OK")
        return reasons

    @property
    def explanation(self):
        return " · ".join(self.reasons)


def join_names(names):
    """["A"] → "A"; ["A", "B", "C"] → "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _freshness_score(field):
    now = timezone.now()
    return Case(
        When(**{f"{field}__gte": now - timedelta(days=RECENT_DAYS)}, then=Value(FRESH_WEIGHT)),
        When(
            **{f"{field}__gte": now - timedelta(days=FAIRLY_RECENT_DAYS)},
            then=Value(FAIRLY_FRESH_WEIGHT),
        ),
        default=Value(0),
        output_field=IntegerField(),
    )


def _same_region(region):
    """An annotation: 1 when the candidate's region is `region` (ignoring case), else 0."""
    if not region:
        return Value(0, output_field=IntegerField())
    return Case(
        When(region__iexact=region, then=Value(1)), default=Value(0), output_field=IntegerField()
    )


# A ranking is reused for TTL.MATCH_RANKING: the rows it names are fetched again on
# every view with the rules that make them eligible, so a listing closed or a profile
# gone stale drops out at once, while a candidate new to the network shows up within
# that time. Ranking a busy member's skills against the whole network is the costliest
# query the site runs.

# The kinds, in the order they come in when scores and dates tie.
KINDS = ("listing", "member", "coop")


@dataclass
class Ranked:
    """One row of the ranking: which candidate, and what its score is made of."""

    kind: str
    pk: int
    score: int
    confirmed_at: datetime | None
    same_region: bool
    remote_ok: bool
    shared_skill_ids: list


def _ranking_part(kind, queryset, *, skill_field, confirmed_field, region, remote):
    """One kind's candidates in `queryset`, scored, as the columns of a Ranked."""
    place = F("same_region") * SAME_REGION_WEIGHT
    if remote:
        # Remote makes distance irrelevant, but being near still counts for a bit more.
        place = Case(
            When(same_region=1, then=Value(SAME_REGION_WEIGHT)),
            When(remote_ok=True, then=Value(REMOTE_WEIGHT)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return (
        queryset.annotate(
            # The skill links are unique per candidate: no DISTINCT needed, and
            # counting the skill column keeps the scan on the covering index.
            shared=Count(skill_field),
            shared_ids=StringAgg(Cast(skill_field, CharField()), Value(",")),
            same_region=_same_region(region),
        )
        .annotate(
            score=F("shared") * SKILL_WEIGHT + place + _freshness_score(confirmed_field),
            kind_order=Value(KINDS.index(kind)),
            confirmed=F(confirmed_field),
            remote=F("remote_ok") if remote else Value(False, output_field=BooleanField()),
        )
        .values_list(
            "kind_order", "pk", "score", "confirmed", "same_region", "remote", "shared_ids"
        )
        .order_by()  # the union is ordered as a whole
    )


def rank(
    skill_ids,
    *,
    wanted,
    region="",
    exclude_member_ids=(),
    exclude_coop_ids=(),
    limit=10,
    cache_as=None,
):
    """
    The best `limit` candidates (as Ranked) for a listing of kind `wanted`
    (Listing.Kind) or a profile with the matching skill relation, sharing skills
    with `skill_ids`, best first: one query. The excluded members and co-ops (ids
    or a subquery of ids) are never suggested, nor listings by or for them.

    With `cache_as` (naming whose matches these are: the exclusions hang on it),
    the ranking is kept for TTL.MATCH_RANKING.
    """
    skill_ids = sorted(skill_ids)
    if not skill_ids:
        return []
    if cache_as is not None:
        return cache.get_or_set(
            cache_key("matches", cache_as, wanted, region.casefold(), limit, skill_ids),
            lambda: rank(
                skill_ids,
                wanted=wanted,
                region=region,
                exclude_member_ids=exclude_member_ids,
                exclude_coop_ids=exclude_coop_ids,
                limit=limit,
            ),
            TTL.MATCH_RANKING,
        )
    relation = SkillRelation.OFFERS if wanted == Listing.Kind.OFFER else SkillRelation.NEEDS
    listings = _ranking_part(
        "listing",
        Listing.objects.open()
        .filter(kind=wanted, skills__in=skill_ids)
        .exclude(author_id__in=exclude_member_ids)
        .exclude(coop_id__in=exclude_coop_ids),
        skill_field="skills",
        confirmed_field="confirmed_at",
        region=region,
        remote=True,
    )
    profiles = [
        _ranking_part(
            kind,
            eligible.filter(
                skill_links__relation=relation, skill_links__skill__in=skill_ids
            ).exclude(pk__in=excluded),
            skill_field="skill_links__skill",
            confirmed_field="last_confirmed_at",
            region=region,
            remote=False,
        )
        for kind, eligible, excluded in (
            ("member", Member.objects.listed().fresh(), exclude_member_ids),
            ("coop", Coop.objects.public().fresh(), exclude_coop_ids),
        )
    ]
    ranked = listings.union(*profiles, all=True).order_by(
        "-score", "-confirmed", "kind_order", "pk"
    )[:limit]
    return [
        Ranked(
            KINDS[kind_order],
            pk,
            score,
            confirmed,
            bool(same_region),
            bool(remote),
            [int(skill_id) for skill_id in shared_ids.split(",")],
        )
        for kind_order, pk, score, confirmed, same_region, remote, shared_ids in ranked
    ]


# The rows a ranking names, fetched again with the rules that make them eligible.
ELIGIBLE = {
    "listing": lambda: Listing.objects.open().select_related("author", "coop"),
    "member": lambda: Member.objects.listed().fresh(),
    "coop": lambda: Coop.objects.public().fresh(),
}


def explain(rankings, skills, verbs):
    """
    Each ranking (a list of Ranked) as a list of Match, its rows fetched with one
    query per kind for all the rankings together. `skills` gives each skill id
    its name; `verbs` says per ranking whether the candidates "offer" or "need".
    """
    wanted = defaultdict(set)
    for ranking in rankings:
        for row in ranking:
            wanted[row.kind].add(row.pk)
    rows = {kind: ELIGIBLE[kind]().in_bulk(ids) for kind, ids in wanted.items()}
    return [
        [
            Match(
                row.kind,
                rows[row.kind][row.pk],
                row.score,
                verb,
                sorted(
                    (skills[pk] for pk in row.shared_skill_ids if pk in skills), key=str.casefold
                ),
                row.same_region,
                row.remote_ok,
                row.confirmed_at,
            )
            for row in ranking
            if row.pk in rows[row.kind]
        ]
        for ranking, verb in zip(rankings, verbs, strict=True)
    ]


def _verb(wanted):
    return "offers" if wanted == Listing.Kind.OFFER else "needs"


def find_matches(skills, *, wanted, limit=10, **rules):
    """
    The best `limit` open listings of kind `wanted` (Listing.Kind) and fresh member
    and co-op profiles with the matching skill relation that share any of `skills`
    (Skill objects), best first and explained. `rules` are rank()'s exclusions
    and region.
    """
    by_id = {skill.pk: skill.name for skill in skills}
    [matches] = explain([rank(by_id, wanted=wanted, limit=limit, **rules)], by_id, [_verb(wanted)])
    return matches


def matches_for_listing(listing, *, limit=10):
    """
    For a need, the offers and profiles that offer its skills; for an offer, the
    needs and profiles that need them. Nothing by the listing's author or their
    co-ops, and nothing at all once the listing is closed or expired.
    """
    if not listing.is_open:
        return []
    author_coops = listing.author.memberships.values("coop_id")
    return find_matches(
        listing.skills.all(),
        wanted=Listing.Kind.OFFER if listing.kind == Listing.Kind.NEED else Listing.Kind.NEED,
        region=listing.region,
        exclude_member_ids=[listing.author_id],
        exclude_coop_ids=(
            author_coops.union(Coop.objects.filter(pk=listing.coop_id).values("pk"))
            if listing.coop_id
            else author_coops
        ),
        limit=limit,
        cache_as=f"listing-{listing.pk}-{listing.coop_id}",
    )


def skills_needed_and_offered(member):
    """
    The skills `member` and their co-ops need, and those they offer, on their
    profiles or in their open listings: {SkillRelation: {id: name}}, one query.
    """
    coop_ids = member.memberships.values("coop_id")
    listing_relation = Case(
        When(listing__kind=Listing.Kind.NEED, then=Value(SkillRelation.NEEDS)),
        default=Value(SkillRelation.OFFERS),
        output_field=CharField(),
    )
    # A union rather than an OR: each side reads its own index (author, co-op).
    own_listing_skills = [
        Listing.skills.through.objects.filter(listing__in=Listing.objects.open().filter(**mine))
        .annotate(relation=listing_relation)
        .values_list("skill", "skill__name", "relation")
        for mine in ({"author": member}, {"coop_id__in": coop_ids})
    ]
    relations = [SkillRelation.NEEDS, SkillRelation.OFFERS]
    profiles = [
        MemberSkill.objects.filter(member=member, relation__in=relations)
        .values_list("skill", "skill__name", "relation")
        .order_by(),
        CoopSkill.objects.filter(coop_id__in=coop_ids, relation__in=relations)
        .values_list("skill", "skill__name", "relation")
        .order_by(),
    ]
    found = {relation: {} for relation in relations}
    first, *others = own_listing_skills + profiles
    for skill_id, name, relation in first.union(*others).order_by():
        found[relation][skill_id] = name
    return found


def matches_for_member(member, *, limit=5):
    """
    "Matches for you": others' offers and profiles that meet this member's and
    their co-ops' needs, and others' needs their skills could meet.
    """
    coop_ids = member.memberships.values("coop_id")
    skills = skills_needed_and_offered(member)
    common = {
        "region": member.region,
        "exclude_member_ids": [member.pk],
        "exclude_coop_ids": coop_ids,
        "limit": limit,
        "cache_as": f"member-{member.pk}",
    }
    wanted = {"for_needs": Listing.Kind.OFFER, "for_offers": Listing.Kind.NEED}
    of_relation = {"for_needs": SkillRelation.NEEDS, "for_offers": SkillRelation.OFFERS}
    rankings = [rank(skills[of_relation[side]], wanted=wanted[side], **common) for side in wanted]
    all_skills = {pk: name for found in skills.values() for pk, name in found.items()}
    explained = explain(rankings, all_skills, [_verb(kind) for kind in wanted.values()])
    return dict(zip(wanted, explained, strict=True))
