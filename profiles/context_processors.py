from django.utils.functional import SimpleLazyObject

from profiles.models import Coop, Member, Membership
from profiles.models.shared import stale_cutoff


class FreshnessNag:
    """
    What the nag banner needs: the viewer's profile if it is stale, and the stale
    co-ops they administer. One query: the viewer's Member joined to their
    memberships and co-ops (a row per co-op they belong to, which is few).
    """

    def __init__(self, user):
        rows = (
            Member.objects.filter(user_id=user.pk)
            .order_by("memberships__coop__name")
            .values(
                "display_name",
                "last_confirmed_at",
                "memberships__role",
                "memberships__coop__name",
                "memberships__coop__slug",
                "memberships__coop__status",
                "memberships__coop__last_confirmed_at",
            )
        )
        cutoff = stale_cutoff()
        self.member, self.coops = None, []
        for row in rows:
            confirmed = row["last_confirmed_at"]
            if self.member is None and (confirmed is None or confirmed < cutoff):
                self.member = {"display_name": row["display_name"], "last_confirmed_at": confirmed}
            coop_confirmed = row["memberships__coop__last_confirmed_at"]
            if (
                row["memberships__role"] == Membership.Role.ADMIN
                and row["memberships__coop__status"] != Coop.Status.REFUSED
                and (coop_confirmed is None or coop_confirmed < cutoff)
            ):
                self.coops.append(
                    {"name": row["memberships__coop__name"], "slug": row["memberships__coop__slug"]}
                )

    def __bool__(self):
        return bool(self.member or self.coops)


def freshness_nag(request):
    """
    The freshness nag for a signed-in owner of stale profiles: their own, and for
    co-ops each of their admins. Evaluated only when a page shows the banner, and
    then in one query whatever the data.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"freshness_nag": SimpleLazyObject(lambda: FreshnessNag(user))}
