"""The network's own pages: About and the steering group (their text is staff-edited SitePages)."""

from django.shortcuts import render

from meetups.models import SitePage, SteeringGroupMember


def about(request):
    return render(request, "site/page.html", {"page": SitePage.objects.page("about")})


def steering_group(request):
    """What the steering group is for, and who is on it (staff accounts marked as such)."""
    people = SteeringGroupMember.objects.filter(
        member__user__is_staff=True, member__user__is_active=True
    ).select_related("member")
    return render(
        request,
        "site/steering_group.html",
        {"page": SitePage.objects.page("steering-group"), "people": people},
    )
