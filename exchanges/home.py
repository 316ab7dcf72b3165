"""The home page's "waiting for you": exchanges where the signed-in person has a step to take."""

from django.db.models import Count, Window

from exchanges.models import Exchange

# The home page shows the most recent few; /exchanges/ lists them all.
HOME_WAITING = 5


def context(request):
    """
    The few exchanges waiting for you, newest activity first, and how many in all:
    one query, each row carrying the count (a window over every waiting exchange).
    """
    if not request.user.is_authenticated:
        return {}
    waiting = list(
        Exchange.objects.waiting_for(request.user.member)
        .only("title", "state")
        .annotate(waiting_count=Window(Count("pk")))[:HOME_WAITING]
    )
    return {
        "exchanges_waiting": waiting,
        "exchanges_waiting_count": waiting[0].waiting_count if waiting else 0,
    }
