"""Atom feed of the co-ops newly listed in the directory."""

from django.db.models import F
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from profiles.models import Coop

FEED_ITEMS = 50


def coops_feed(request):
    """The co-ops most recently approved into the public directory."""
    feed = Atom1Feed(
        title="New co-ops in the CoTech directory",
        link=request.build_absolute_uri(reverse("profiles:coop-list")),
        description="Co-operatives newly listed in the CoTech directory.",
        feed_url=request.build_absolute_uri(),
        language="en-gb",
    )
    coops = Coop.objects.public().order_by(
        F("reviewed_at").desc(nulls_last=True), "-created_at", "-pk"
    )[:FEED_ITEMS]
    for coop in coops:
        url = request.build_absolute_uri(coop.get_absolute_url())
        feed.add_item(
            title=coop.name,
            link=url,
            description=coop.summary,
            pubdate=coop.reviewed_at or coop.created_at,
            updateddate=coop.updated_at,
            unique_id=url,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
