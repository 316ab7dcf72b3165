"""What the meetups app puts on the home page: coming shout-outs and meetups."""

from meetups.models import Cell, Meetup, ShoutOut


def context(request):
    """Two queries whatever the data: shout-outs, and the next meetups with their cells."""
    return {
        "home_shout_outs": ShoutOut.objects.current().select_related("author", "cell")[:6],
        "home_meetups": Meetup.objects.upcoming()
        .filter(status=Meetup.Status.SCHEDULED)
        .exclude(cell__status=Cell.Status.PROPOSED)
        .select_related("cell")[:5],
    }
