"""
Suggesting who could meet a need (or use an offer), ranked and explained.

Each kind of candidate (listings, member profiles, co-op profiles) is ranked by
one SQL query that counts the shared skills and scores the match with
annotations; a second query per kind fetches the names of the shared skills of
the few rows kept. So a match list costs the same handful of queries whatever
the size of the network, and no more rows than are shown leave the database.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.timesince import timesince

from profiles.models import Coop, CoopSkill, Listing, Member, MemberSkill, Skill, SkillRelation

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
    shared_skills: list
    same_region: bool
    remote_ok: bool
    confirmed_at: datetime | None

    @property
    def reasons(self):
        """The explanation, as short phrases: "offers Django and Kubernetes", "same region"..."""
        names = [skill.name for skill in self.shared_skills]
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


def _rank(queryset, *, region, confirmed_field, remote=False):
    """Annotate `same_region` and `score` (shared must be annotated already) and order by it."""
    queryset = queryset.annotate(same_region=_same_region(region))
    place = F("same_region") * SAME_REGION_WEIGHT
    if remote:
        # Remote makes distance irrelevant, but being near still counts for a bit more.
        place = Case(
            When(same_region=1, then=Value(SAME_REGION_WEIGHT)),
            When(remote_ok=True, then=Value(REMOTE_WEIGHT)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return queryset.annotate(
        score=F("shared") * SKILL_WEIGHT + place + _freshness_score(confirmed_field)
    ).order_by("-score", F(confirmed_field).desc(nulls_last=True), "pk")


def _best(candidates, limit, **rank):
    """
    The best `limit` of `candidates()` (a queryset annotated with `shared`), ranked.

    The ranking runs on the candidates' ids alone, in a subquery: with a common
    skill there are tens of thousands of candidates, and grouping and sorting them
    with every column of the rows (and of the author and co-op joined for the
    page) spilled to disk. The outer query then scores only the rows kept, so it
    is still one query per kind.
    """
    kept = _rank(candidates(), **rank).values("pk")[:limit]
    return _rank(candidates().filter(pk__in=kept), **rank)


def find_matches(
    skill_ids,
    *,
    wanted,
    region="",
    exclude_member_ids=(),
    exclude_coop_ids=(),
    limit=10,
):
    """
    The best `limit` open listings of kind `wanted` (Listing.Kind) and fresh member
    and co-op profiles with the matching skill relation that share skills with
    `skill_ids`, best first. Listings by the excluded members or posted for the
    excluded co-ops, and those profiles themselves, are never suggested.
    """
    skill_ids = list(skill_ids)
    if not skill_ids:
        return []
    relation = SkillRelation.OFFERS if wanted == Listing.Kind.OFFER else SkillRelation.NEEDS
    verb = "offers" if relation == SkillRelation.OFFERS else "needs"
    shared_skills = Skill.objects.filter(pk__in=skill_ids).order_by("name")

    listings = _best(
        lambda: (
            Listing.objects.open()
            .filter(kind=wanted, skills__in=skill_ids)
            .exclude(author_id__in=exclude_member_ids)
            .exclude(coop_id__in=exclude_coop_ids)
            .annotate(shared=Count("skills", distinct=True))
        ),
        limit,
        region=region,
        confirmed_field="confirmed_at",
        remote=True,
    )
    listings = listings.select_related("author", "coop").prefetch_related(
        Prefetch("skills", queryset=shared_skills, to_attr="shared_skills")
    )

    members = _best(
        lambda: (
            Member.objects.listed()
            .fresh()
            .filter(skill_links__relation=relation, skill_links__skill__in=skill_ids)
            .exclude(pk__in=exclude_member_ids)
            .annotate(shared=Count("skill_links", distinct=True))
        ),
        limit,
        region=region,
        confirmed_field="last_confirmed_at",
    ).prefetch_related(
        Prefetch(
            "skill_links",
            queryset=MemberSkill.objects.filter(relation=relation, skill__in=skill_ids)
            .select_related("skill")
            .order_by("skill__name"),
            to_attr="shared_links",
        )
    )

    coops = _best(
        lambda: (
            Coop.objects.public()
            .fresh()
            .filter(skill_links__relation=relation, skill_links__skill__in=skill_ids)
            .exclude(pk__in=exclude_coop_ids)
            .annotate(shared=Count("skill_links", distinct=True))
        ),
        limit,
        region=region,
        confirmed_field="last_confirmed_at",
    ).prefetch_related(
        Prefetch(
            "skill_links",
            queryset=CoopSkill.objects.filter(relation=relation, skill__in=skill_ids)
            .select_related("skill")
            .order_by("skill__name"),
            to_attr="shared_links",
        )
    )

    found = [
        Match(
            "listing",
            listing,
            listing.score,
            verb,
            listing.shared_skills,
            bool(listing.same_region),
            listing.remote_ok,
            listing.confirmed_at,
        )
        for listing in listings
    ]
    for kind, rows in (("member", members), ("coop", coops)):
        found += [
            Match(
                kind,
                row,
                row.score,
                verb,
                [link.skill for link in row.shared_links],
                bool(row.same_region),
                False,
                row.last_confirmed_at,
            )
            for row in rows
        ]
    # Each list came ranked from the database; interleave the few rows kept.
    found.sort(key=lambda match: (-match.score, -match.confirmed_at.timestamp()))
    return found[:limit]


def matches_for_listing(listing, *, limit=10):
    """
    For a need, the offers and profiles that offer its skills; for an offer, the
    needs and profiles that need them. Nothing by the listing's author or their
    co-ops, and nothing at all once the listing is closed or expired.
    """
    if not listing.is_open:
        return []
    author_coops = list(listing.author.memberships.values_list("coop_id", flat=True))
    return find_matches(
        [skill.pk for skill in listing.skills.all()],
        wanted=Listing.Kind.OFFER if listing.kind == Listing.Kind.NEED else Listing.Kind.NEED,
        region=listing.region,
        exclude_member_ids=[listing.author_id],
        exclude_coop_ids=[*author_coops, *([listing.coop_id] if listing.coop_id else [])],
        limit=limit,
    )


def skills_of(member, coop_ids, relation):
    """
    Ids of the skills `member` and their co-ops (`coop_ids`) need or offer
    (`relation`), on their profiles or in their open listings, in one query.
    """
    kind = Listing.Kind.NEED if relation == SkillRelation.NEEDS else Listing.Kind.OFFER
    own_listings = Listing.objects.open().filter(
        Q(author=member) | Q(coop_id__in=coop_ids), kind=kind
    )
    return list(
        Skill.objects.filter(
            Q(pk__in=own_listings.values("skills"))
            | Q(pk__in=MemberSkill.objects.filter(member=member, relation=relation).values("skill"))
            | Q(
                pk__in=CoopSkill.objects.filter(coop_id__in=coop_ids, relation=relation).values(
                    "skill"
                )
            )
        ).values_list("pk", flat=True)
    )


def matches_for_member(member, *, limit=5):
    """
    "Matches for you": others' offers and profiles that meet this member's and
    their co-ops' needs, and others' needs their skills could meet.
    """
    coop_ids = list(member.memberships.values_list("coop_id", flat=True))
    common = {
        "region": member.region,
        "exclude_member_ids": [member.pk],
        "exclude_coop_ids": coop_ids,
        "limit": limit,
    }
    return {
        "for_needs": find_matches(
            skills_of(member, coop_ids, SkillRelation.NEEDS), wanted=Listing.Kind.OFFER, **common
        ),
        "for_offers": find_matches(
            skills_of(member, coop_ids, SkillRelation.OFFERS), wanted=Listing.Kind.NEED, **common
        ),
    }
