"""The needs and offers part of a skill's page (/skills/<slug>/, drawn by profiles)."""

from django.urls import reverse

from listings.models import Listing
from profiles.views.directory import SKILL_PAGE_LIMIT


def context(request, skill):
    """The skill's open listings the viewer may see, fresher first, and their feed."""
    return {
        "template": "listings/includes/skill_listings.html",
        "listings": Listing.objects.open()
        .visible_to(request.user)
        .filter(skills=skill)
        .freshest_first()
        .select_related("author", "coop")
        .prefetch_related("skills")[:SKILL_PAGE_LIMIT],
        "feed": {
            "title": f"New needs and offers for {skill.name}",
            "url": reverse("listings:skill-listings-feed", args=[skill.slug]),
        },
    }
