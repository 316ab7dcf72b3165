"""
The read-only JSON API under /api/. Everything here is what a visitor to the site
can see; filters use the same query parameters as the pages.
"""

from django.db.models import Prefetch, Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

from cotech_directory.api.serializers import CoopSerializer, ListingSerializer
from profiles.models import Coop, CoopSkill, Listing, SkillRelation


def _param(name, description, type_=OpenApiTypes.STR):
    return OpenApiParameter(name, type_, description=description)


COOP_FILTERS = [
    _param("q", "Words to find in names, summaries, about text and skills."),
    _param("offers", "Slug of a skill the co-op offers."),
    _param("needs", "Slug of a skill the co-op needs."),
    _param("tool", "Slug of a tool the co-op uses."),
    _param("region", "Region, exactly."),
    _param("town", "Town, exactly."),
    _param("up_for", "One of mentoring, speaking, hosting, pairing, exchange, subcontracting..."),
    _param("stale", "“1” to include co-ops not confirmed recently.", OpenApiTypes.BOOL),
]


@extend_schema_view(list=extend_schema(parameters=COOP_FILTERS))
class CoopViewSet(viewsets.ReadOnlyModelViewSet):
    """Approved co-ops, freshest first."""

    serializer_class = CoopSerializer
    lookup_field = "slug"

    def get_queryset(self):
        coops = Coop.objects.public().prefetch_related(
            Prefetch("skill_links", queryset=CoopSkill.objects.select_related("skill"))
        )
        if self.action != "list":
            return coops
        params = self.request.query_params
        if params.get("stale") not in ("1", "true"):
            coops = coops.fresh()
        for param, relation in (
            ("offers", SkillRelation.OFFERS),
            ("needs", SkillRelation.NEEDS),
            ("tool", SkillRelation.USES),
        ):
            if params.get(param):
                coops = coops.filter(
                    pk__in=CoopSkill.objects.filter(
                        skill__slug=params[param], relation=relation
                    ).values("coop")
                )
        for field in ("region", "town"):
            if params.get(field):
                coops = coops.filter(**{f"{field}__iexact": params[field]})
        if params.get("up_for"):
            coops = coops.filter(up_for__contains=f",{params['up_for']},")
        if params.get("q"):
            for word in params["q"].split()[:10]:
                coops = coops.filter(Q(search_text__icontains=word) | Q(name__icontains=word))
        return coops.freshest_first()


LISTING_FILTERS = [
    _param("kind", "need or offer."),
    _param("category", "skill-help, work, in-kind, office-space or other."),
    _param("skill", "Slug of a skill the listing involves."),
    _param("region", "Region, exactly."),
    _param("remote", "“1” for listings where remote is fine.", OpenApiTypes.BOOL),
    _param("coop", "Slug of the co-op it was posted for."),
    _param("q", "Words to find in titles and descriptions."),
]


@extend_schema_view(list=extend_schema(parameters=LISTING_FILTERS))
class ListingViewSet(viewsets.ReadOnlyModelViewSet):
    """Open needs and offers their authors have made public, newest first."""

    serializer_class = ListingSerializer

    def get_queryset(self):
        listings = (
            Listing.objects.open()
            .public()
            .select_related("coop")
            .prefetch_related("skills")
            .order_by("-created_at", "-pk")
        )
        if self.action != "list":
            return listings
        params = self.request.query_params
        for param, lookup in (
            ("kind", "kind"),
            ("category", "category"),
            ("region", "region__iexact"),
            ("coop", "coop__slug"),
        ):
            if params.get(param):
                listings = listings.filter(**{lookup: params[param]})
        if params.get("skill"):
            listings = listings.filter(skills__slug=params["skill"])
        if params.get("remote") in ("1", "true"):
            listings = listings.filter(remote_ok=True)
        if params.get("q"):
            for word in params["q"].split()[:10]:
                listings = listings.filter(
                    Q(title__icontains=word) | Q(description__icontains=word)
                )
        return listings.distinct()
