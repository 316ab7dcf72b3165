"""Pages that belong to the whole site rather than one part of the domain."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache

# Each app that puts something on the home page offers `<app>.home.context(request)`,
# returning a dict for templates/home.html (each app's part is a partial there).
HOME_SECTIONS = [
    "profiles.home.context",
    "profiles.home_listings.context",
    "exchanges.home.context",
    "meetups.home.context",
]


def home(request):
    """The front page: what the network is, or a signed-in member's dashboard."""
    context = {}
    for path in HOME_SECTIONS:
        context.update(import_string(path)(request))
    return render(request, "home.html", context)


@never_cache
def healthz(request):
    """For load balancers: 200 while the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


def bench_baseline(request):
    """The benchmark's ceiling: the site's layout and a page of text, and no database query."""
    return render(request, "bench_baseline.html", {"rows": range(20)})
