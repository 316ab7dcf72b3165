"""
The read-only JSON API under /api/. Everything here is what a visitor to the site
can see; filters use the same query parameters as the pages.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

from data_io.api.serializers import (
    CellSerializer,
    CoopSerializer,
    ListingSerializer,
    MeetupSerializer,
)
from listings.filters import ListingFilter
from listings.models import Listing
from meetups.models import Cell, Meetup
from profiles.filters import CoopFilter
from profiles.models import Coop, CoopSkill


def _param(name, description, type_=OpenApiTypes.STR):
    return OpenApiParameter(name, type_, description=description)


COOP_FILTERS = [
    _param("q", "Words to find in names, summaries, about text, skills and tools."),
    _param("offers", "Name of a skill the co-op offers (case ignored)."),
    _param("needs", "Name of a skill the co-op needs."),
    _param("tool", "Name of a tool the co-op uses."),
    _param("region", "Region (case ignored)."),
    _param("town", "Town (case ignored)."),
    _param(
        "up_for", "mentoring, speaking, hosting, pairing, exchange, subcontracting or joint-bids."
    ),
    _param("office_space", "“on”: co-ops offering office space.", OpenApiTypes.BOOL),
    _param("in_kind", "“on”: co-ops offering in-kind support.", OpenApiTypes.BOOL),
    _param("include_stale", "“on”: include co-ops not confirmed recently.", OpenApiTypes.BOOL),
    _param("sort", "relevance, confirmed (the default) or name."),
]


@extend_schema_view(list=extend_schema(parameters=COOP_FILTERS))
class CoopViewSet(viewsets.ReadOnlyModelViewSet):
    """Approved co-ops, with the directory page's filters (profiles.filters.CoopFilter)."""

    serializer_class = CoopSerializer
    lookup_field = "slug"

    def get_queryset(self):
        coops = Coop.objects.public().prefetch_related(
            Prefetch("skill_links", queryset=CoopSkill.objects.select_related("skill"))
        )
        if self.action != "list":
            return coops
        return CoopFilter(self.request.query_params, queryset=coops).qs


LISTING_FILTERS = [
    _param("kind", "need or offer."),
    _param("category", "skill-help, work, in-kind, office-space or other."),
    _param("skill", "Name of a skill the listing involves (case ignored)."),
    _param("region", "Region, exactly."),
    _param("remote", "“1” for listings where remote is fine.", OpenApiTypes.BOOL),
    _param("coop", "Slug of the co-op it was posted for."),
    _param("q", "Words to find in titles and descriptions."),
]


@extend_schema_view(list=extend_schema(parameters=LISTING_FILTERS))
class ListingViewSet(viewsets.ReadOnlyModelViewSet):
    """Open needs and offers their authors made public, with the listings page's filters."""

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
        return ListingFilter(self.request.query_params, queryset=listings).qs


@extend_schema_view(list=extend_schema(parameters=[_param("region", "Region (case ignored).")]))
class CellViewSet(viewsets.ReadOnlyModelViewSet):
    """Active cells with their champions, by region."""

    serializer_class = CellSerializer
    lookup_field = "slug"

    def get_queryset(self):
        cells = (
            Cell.objects.active()
            .annotate(member_count=Count("memberships", distinct=True))
            .prefetch_related("champions")
            .order_by("region", "name")
        )
        region = self.request.query_params.get("region", "").strip()
        return cells.filter(region__iexact=region) if region else cells


MEETUP_FILTERS = [
    _param("cell", "Slug of a cell."),
    _param("gatherings", "“1” for national gatherings only.", OpenApiTypes.BOOL),
]


@extend_schema_view(list=extend_schema(parameters=MEETUP_FILTERS))
class MeetupViewSet(viewsets.ReadOnlyModelViewSet):
    """Coming meetups of active cells and national gatherings, soonest first."""

    serializer_class = MeetupSerializer

    def get_queryset(self):
        meetups = (
            Meetup.objects.visible_to(AnonymousUser())
            .upcoming()
            .filter(status=Meetup.Status.SCHEDULED)
            .select_related("cell")
        )
        params = self.request.query_params
        if params.get("cell"):
            meetups = meetups.filter(cell__slug=params["cell"])
        if params.get("gatherings") in ("1", "true"):
            meetups = meetups.gatherings()
        return meetups
