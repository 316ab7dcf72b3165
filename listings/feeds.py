"""Atom feeds of new open listings marked public: all of them, or those of one skill."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from listings.models import Listing
from profiles.models import Skill

FEED_ITEMS = 50


def _feed(request, title, link, listings):
    """An Atom feed of the newest open listings marked public."""
    feed = Atom1Feed(
        title=title,
        link=request.build_absolute_uri(link),
        description="New needs and offers in the CoTech network.",
        feed_url=request.build_absolute_uri(),
        language="en-gb",
    )
    listings = (
        listings.open()
        .public()
        .select_related("author", "coop")
        .prefetch_related("skills")
        .order_by("-created_at", "-pk")[:FEED_ITEMS]
    )
    for listing in listings:
        feed.add_item(
            title=str(listing),
            link=request.build_absolute_uri(listing.get_absolute_url()),
            description=listing.description,
            author_name=str(listing.coop or listing.author),
            pubdate=listing.created_at,
            updateddate=listing.confirmed_at,
            unique_id=request.build_absolute_uri(listing.get_absolute_url()),
            categories=[skill.name for skill in listing.skills.all()],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def listings_feed(request):
    return _feed(
        request, "CoTech needs and offers", reverse("listings:listing-list"), Listing.objects
    )


def skill_listings_feed(request, slug):
    skill = get_object_or_404(Skill, slug=slug)
    return _feed(
        request,
        f"CoTech needs and offers: {skill.name}",
        skill.get_absolute_url(),
        Listing.objects.filter(skills=skill),
    )
