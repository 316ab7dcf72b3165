"""The needs and offers part of a signed-in member's home page."""

from profiles.matching import matches_for_member
from profiles.models import Listing

# Listings closer than this to their expiry show on their author's home page.
EXPIRING_SOON_DAYS = 14
MATCHES_PER_SIDE = 5


def context(request):
    """Matches for you, and your listings about to expire; nothing for visitors."""
    if not request.user.is_authenticated:
        return {}
    member = request.user.member
    return {
        "listings_expiring": Listing.objects.changeable_by(request.user)
        .expiring_within(EXPIRING_SOON_DAYS)
        .order_by("expires_on", "pk"),
        "listing_matches": matches_for_member(member, limit=MATCHES_PER_SIDE),
    }
