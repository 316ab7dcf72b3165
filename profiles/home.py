"""The directory's part of the home page: recently confirmed co-ops to start browsing from."""

from profiles.models import Coop

HOME_COOPS = 6
# The recent co-ops are the same for everyone: the template keeps the list this long.
RECENT_COOPS_TTL = 60


def context(request):
    """
    The few most recently confirmed approved co-ops: one query, run only when the
    template's kept copy of the list (the same for everyone) has expired.
    """
    return {
        "recent_coops": Coop.objects.public()
        .fresh()
        .freshest_first()
        .only("name", "slug", "summary", "last_confirmed_at")[:HOME_COOPS],
        "recent_coops_ttl": RECENT_COOPS_TTL,
    }
