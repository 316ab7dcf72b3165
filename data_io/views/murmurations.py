"""Murmurations profiles of public co-ops and listings, at stable URLs."""

from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from data_io.murmurations import coop_profile, listing_profile
from listings.models import Listing
from profiles.models import Coop, CoopSkill


def coop_murmurations(request, slug):
    coops = Coop.objects.public().prefetch_related(
        Prefetch("skill_links", queryset=CoopSkill.objects.select_related("skill"))
    )
    return JsonResponse(coop_profile(get_object_or_404(coops, slug=slug)))


def listing_murmurations(request, pk):
    listings = Listing.objects.open().public().prefetch_related("skills")
    return JsonResponse(listing_profile(get_object_or_404(listings, pk=pk)))
