"""The needs and offers part of a signed-in member's home page."""

from django.db.models import Count, Window

from listings.matching import matches_for_member
from listings.models import Listing

# Listings closer than this to their expiry show on their author's home page:
# the soonest few, and a link to them all (a busy co-op admin may have dozens).
EXPIRING_SOON_DAYS = 14
EXPIRING_ON_HOME = 5
MATCHES_PER_SIDE = 5


def expiring_soon(user):
    """Open listings `user` may renew that expire within EXPIRING_SOON_DAYS, soonest first."""
    return (
        Listing.objects.changeable_by(user)
        .expiring_within(EXPIRING_SOON_DAYS)
        .order_by("expires_on", "pk")
    )


def context(request):
    """Matches for you, and your listings about to expire; nothing for visitors."""
    if not request.user.is_authenticated:
        return {}
    member = request.user.member
    # The soonest few and how many in all, in one query.
    expiring = list(
        expiring_soon(request.user).annotate(total=Window(Count("pk")))[:EXPIRING_ON_HOME]
    )
    return {
        "listings_expiring": expiring,
        "listings_expiring_count": expiring[0].total if expiring else 0,
        "listing_matches": matches_for_member(member, limit=MATCHES_PER_SIDE),
    }
