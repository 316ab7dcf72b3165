"""Atom feeds of new open listings marked public: all of them, or those of one skill."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from core.feeds import FEED_ITEMS, AtomFeed
from core.markdown import render_markdown
from listings.models import Listing
from profiles.models import Skill


class ListingsFeed(AtomFeed):
    """The newest open listings marked public."""

    title = "CoTech needs and offers"
    subtitle = "New needs and offers in the CoTech network."

    def page_url(self, obj):
        return reverse("listings:listing-list")

    def listings(self, obj):
        return Listing.objects.all()

    def items(self, obj):
        return (
            self.listings(obj)
            .open()
            .public()
            .select_related("author", "coop")
            .prefetch_related("skills")
            .order_by("-created_at", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return render_markdown(item.description)

    def item_author_name(self, item):
        return str(item.coop or item.author)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.confirmed_at

    def item_categories(self, item):
        return [skill.name for skill in item.skills.all()]


class SkillListingsFeed(ListingsFeed):
    """The newest open public listings that ask for or offer one skill."""

    def get_object(self, request, slug):
        return get_object_or_404(Skill, slug=slug)

    def title(self, obj):
        return f"CoTech needs and offers: {obj.name}"

    def page_url(self, obj):
        return obj.get_absolute_url()

    def listings(self, obj):
        return Listing.objects.filter(skills=obj)
