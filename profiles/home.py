"""The directory's part of the home page: recently confirmed co-ops to start browsing from."""

from core.caching import TTL
from profiles.models import Coop

HOME_COOPS = 6


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
        "recent_coops_ttl": TTL.RECENT_COOPS,
    }
