"""Pages that belong to the whole site rather than one part of the domain."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.utils._os import safe_join
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

import exchanges.home
import listings.home
import meetups.home
import profiles.home
from core.caching import cached_for_visitors
from profiles.models import Member

# Each app that puts something on the home page offers `<app>.home.context(request)`,
# returning a dict for templates/home.html (each app's part is a partial there).
HOME_SECTIONS = [
    profiles.home.context,
    listings.home.context,
    exchanges.home.context,
    meetups.home.context,
]


@cached_for_visitors
def home(request):
    """The front page: what the network is, or a signed-in member's dashboard."""
    context = {}
    if request.user.is_authenticated:
        # Several sections ask about the viewer's member and the co-ops they administer:
        # one query answers both, kept on request.user for them all.
        Member.objects.get_for_user(request.user)
    for section in HOME_SECTIONS:
        context.update(section(request))
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


# Uploads the site serves itself: co-ops' logos, checked by Pillow when uploaded.
MEDIA_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
}


@require_safe
def media(request, path):
    """
    An uploaded logo. Every upload gets a new name, so browsers may keep it for a
    year. A reverse proxy may serve MEDIA_ROOT itself instead (see README).
    """
    content_type = MEDIA_TYPES.get(Path(path).suffix.lower())
    if not path.startswith("logos/") or content_type is None:
        raise Http404
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except SuspiciousFileOperation:
        raise Http404 from None
    if not full_path.is_file():
        raise Http404
    response = FileResponse(full_path.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
