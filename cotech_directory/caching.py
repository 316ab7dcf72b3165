"""
Public pages shared between visitors through the cache.

Most page views of a directory are visitors browsing: the co-op list and
profiles, skill pages, needs and offers, cells. Each such page is the same for
every visitor, so the first visitor's copy is kept in the shared cache for
VISITOR_PAGE_TTL seconds and served to the others without touching the database
(issue #8: at a hundred times the network's size these pages ran at 1 to 4 % of
the stack's ceiling). Members never see a cached page: whoever signs in, edits a
profile or posts a listing sees it as it is now; visitors see it within a minute.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_vary_headers

VISITOR_PAGE_TTL = 60


def _shareable_request(request):
    """A visitor's GET with no session and no pending messages: the page is everyone's."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _shareable_response(request, response):
    """A plain page, with nothing in it for this visitor alone (a CSRF token, a cookie)."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
    )


def cached_for_visitors(view):
    """Serve visitors one cached copy of the page per URL (see the module's docstring)."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not _shareable_request(request):
            return view(request, *args, **kwargs)
        path = request.get_full_path().encode()
        key = f"visitor-page:{hashlib.sha256(path).hexdigest()}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if _shareable_response(request, response):
                cache.set(key, response, VISITOR_PAGE_TTL)
        # Browsers and proxies must not give a visitor's copy to a member.
        patch_vary_headers(response, ["Cookie"])
        return response

    return cached_view
