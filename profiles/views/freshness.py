"""The steering group's view of how current the directory is."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.shortcuts import render
from django.utils import timezone

from profiles.access import require_staff
from profiles.models import Coop, Member

RECENT_DAYS = 183  # "confirmed in the last six months"
PAGE_SIZE = 50


def _share(queryset, since):
    counts = queryset.aggregate(
        total=Count("pk"), recent=Count("pk", filter=Q(last_confirmed_at__gte=since))
    )
    counts["percent"] = round(100 * counts["recent"] / counts["total"]) if counts["total"] else 0
    return counts


def _oldest_first(queryset):
    return queryset.order_by(F("last_confirmed_at").asc(nulls_first=True), "pk")


@login_required
def freshness_report(request):
    """
    Share of co-op and member profiles confirmed in the last six months, and the
    stale ones, oldest first. Queries: two shares, then count and page for each list.
    """
    require_staff(request)
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    coops = Coop.objects.exclude(status=Coop.Status.REFUSED)
    members = Member.objects.listed()
    return render(
        request,
        "profiles/freshness_report.html",
        {
            "coop_share": _share(coops, since),
            "member_share": _share(members, since),
            "stale_coops": Paginator(_oldest_first(coops.stale()), PAGE_SIZE).get_page(
                request.GET.get("page")
            ),
            "stale_members": Paginator(
                _oldest_first(members.stale().select_related("user")), PAGE_SIZE
            ).get_page(request.GET.get("page")),
            "recent_days": RECENT_DAYS,
        },
    )
