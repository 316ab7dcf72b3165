"""The directory's part of the home page: recently confirmed co-ops to start browsing from."""

from profiles.models import Coop

HOME_COOPS = 6
# How long the home page's lists that are the same for everyone may lag behind.
HOME_LISTS_TTL = 60


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
        "home_lists_ttl": HOME_LISTS_TTL,
    }
