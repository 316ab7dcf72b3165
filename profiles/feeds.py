"""Atom feed of the co-ops newly listed in the directory."""

from django.db.models import F
from django.urls import reverse
from django.utils.html import escape

from core.feeds import FEED_ITEMS, AtomFeed
from profiles.models import Coop


class CoopsFeed(AtomFeed):
    """The co-ops most recently approved into the public directory."""

    title = "New co-ops in the CoTech directory"
    subtitle = "Co-operatives newly listed in the CoTech directory."

    def page_url(self, obj):
        return reverse("profiles:coop-list")

    def items(self):
        return Coop.objects.public().order_by(
            F("reviewed_at").desc(nulls_last=True), "-created_at", "-pk"
        )[:FEED_ITEMS]

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        # Atom's summary is HTML to a feed reader: the summary is plain text, so escaped.
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.reviewed_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at
