from django.utils.functional import SimpleLazyObject

from profiles.models import Coop, Member


class FreshnessNag:
    """What the nag banner needs: is the viewer's profile stale, and which of their co-ops are."""

    def __init__(self, user):
        try:
            member = user.member
        except Member.DoesNotExist:  # an account made without its signal (raw fixtures)
            member = None
        self.member = member if member is not None and member.is_stale else None
        self.coops = list(
            Coop.objects.administered_by(user)
            .exclude(status=Coop.Status.REFUSED)
            .stale()
            .order_by("name")
            .values("name", "slug")
        )

    def __bool__(self):
        return bool(self.member or self.coops)


def freshness_nag(request):
    """
    The freshness nag for a signed-in owner of stale profiles: their own, and for
    co-ops each of their admins. Evaluated only when a page shows the banner, and
    then in two queries (the viewer's profile, their stale co-ops) whatever the data.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"freshness_nag": SimpleLazyObject(lambda: FreshnessNag(user))}
