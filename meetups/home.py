"""What the meetups app puts on the home page: coming shout-outs and meetups."""

from core.caching import TTL
from meetups.models import Cell, Meetup, ShoutOut

# The coming meetups are the same for everyone: the template keeps the list this long.


def context(request):
    """
    Two queries whatever the data: shout-outs, and the next meetups with their
    cells (only when the template's kept copy has expired).
    """
    return {
        "coming_meetups_ttl": TTL.COMING_MEETUPS,
        "home_shout_outs": ShoutOut.objects.current().select_related("author", "cell")[:6],
        "home_meetups": Meetup.objects.upcoming()
        .filter(status=Meetup.Status.SCHEDULED)
        .exclude(cell__status=Cell.Status.PROPOSED)
        .select_related("cell")[:5],
    }
