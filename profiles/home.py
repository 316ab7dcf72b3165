"""The directory's part of the home page: recently confirmed co-ops to start browsing from."""

from profiles.models import Coop

HOME_COOPS = 6


def context(request):
    """Queries: the few most recently confirmed approved co-ops (one query)."""
    return {
        "recent_coops": list(
            Coop.objects.public()
            .fresh()
            .freshest_first()
            .only("name", "slug", "summary", "last_confirmed_at")[:HOME_COOPS]
        )
    }
