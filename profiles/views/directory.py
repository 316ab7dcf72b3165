"""The directory: co-ops and members found by what they offer and need, and skill pages."""

from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject

from core.caching import TTL, cached_for_visitors
from core.pagination import list_page
from profiles.filters import CoopFilter, MemberFilter
from profiles.models import (
    Coop,
    CoopSkill,
    InKindOffer,
    Member,
    Membership,
    MemberSkill,
    OfficeSpace,
    Skill,
    SkillRelation,
)
from profiles.suggestions import region_suggestions, skill_suggestions

PAGE_SIZE = 20
SKILL_PAGE_LIMIT = 50
# What the rooms above the directory add to a skill's page: each is called with
# (request, skill) and returns a dict naming the partial ("template") that shows it
# and, optionally, a "feed" ({"title", "url"}) the page links to. Listings add theirs.
SKILL_PAGE_SECTIONS = []


def _directory_page(request, filters, region_source):
    """
    A directory list's context. The page (count, rows, prefetches) is worked out
    only if the template asks for it: the results are the same for everyone of a
    kind (visitor or member), so the template keeps them for TTL.DIRECTORY_RESULTS and a
    kept copy runs no query at all.
    """
    return {
        "form": filters.form,
        "page": SimpleLazyObject(
            lambda: list_page(
                request,
                filters.qs,
                PAGE_SIZE,
                form=filters.form,
                name=filters.queryset.model._meta.label,
            )
        ),
        "results_ttl": TTL.DIRECTORY_RESULTS,
        # Called by the template, and only when the results are not kept.
        "skill_suggestions": skill_suggestions,
        "regions": lambda: region_suggestions(region_source),
    }


@cached_for_visitors
def coop_list(request):
    """
    /coops/: the public directory of approved co-ops, fresher first, stale hidden
    unless asked. Queries: skill suggestions, regions, count, the page, its skills.
    """
    coops = (
        Coop.objects.public()
        .annotate(
            has_office_space=Exists(OfficeSpace.objects.filter(coop=OuterRef("pk"))),
            has_in_kind=Exists(InKindOffer.objects.filter(coop=OuterRef("pk"))),
        )
        .prefetch_related(
            Prefetch(
                "skill_links", CoopSkill.objects.select_related("skill").order_by("skill__name")
            )
        )
    )
    # Always bound, if only to no parameters: the defaults (fresh only, fresher first) apply.
    context = _directory_page(request, CoopFilter(request.GET, queryset=coops), "coops")
    return render(request, "profiles/coop_list.html", context)


@login_required
def member_list(request):
    """
    /members/: listed members, for signed-in members only. Queries: skill
    suggestions, regions, count, the page, its skills, its approved co-ops.
    """
    members = Member.objects.listed().prefetch_related(
        Prefetch(
            "skill_links", MemberSkill.objects.select_related("skill").order_by("skill__name")
        ),
        Prefetch(
            "memberships",
            Membership.objects.filter(coop__status=Coop.Status.APPROVED)
            .select_related("coop")
            .order_by("coop__name"),
        ),
    )
    context = _directory_page(request, MemberFilter(request.GET, queryset=members), "members")
    return render(request, "profiles/member_list.html", context)


@cached_for_visitors
def skill_detail(request, slug):
    """
    /skills/<slug>/: who offers the skill and who needs it, side by side. Co-ops
    for everyone; members only for signed-in members. One query per column, each
    capped, fresher profiles first; the directory search shows the rest.
    """
    skill = get_object_or_404(Skill, slug=slug)
    coops = Coop.objects.public().freshest_first()
    sides = {
        "offers": {"coops": coops.offering(skill)[:SKILL_PAGE_LIMIT]},
        "needs": {"coops": coops.needing(skill)[:SKILL_PAGE_LIMIT]},
    }
    if request.user.is_authenticated:
        members = Member.objects.listed().freshest_first()
        sides["offers"]["members"] = members.offering(skill)[:SKILL_PAGE_LIMIT]
        sides["needs"]["members"] = members.needing(skill)[:SKILL_PAGE_LIMIT]
    return render(
        request,
        "profiles/skill_detail.html",
        {
            "skill": skill,
            "sections": [section(request, skill) for section in SKILL_PAGE_SECTIONS],
            "offers": sides["offers"],
            "needs": sides["needs"],
            "relations": SkillRelation,
            "limit": SKILL_PAGE_LIMIT,
        },
    )
