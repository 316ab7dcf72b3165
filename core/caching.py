"""
What the site keeps in the shared cache: one recipe for a key, every lifetime in one place,
and public pages shared between visitors.

The cache is an optimisation: everything it holds can be worked out again from the
database, so a kept value may lag behind by at most its TTL below.

Most page views of a directory are visitors browsing: the co-op list and
profiles, skill pages, needs and offers, cells. Each such page is the same for
every visitor, so the first visitor's copy is kept for TTL.VISITOR_PAGE seconds
and served to the others without touching the database (issue #8: at a hundred
times the network's size these pages ran at 1 to 4 % of the stack's ceiling).
Members never see a cached page: whoever signs in, edits a profile or posts a
listing sees it as it is now; visitors see it within a minute.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_vary_headers


class TTL:
    """How long each kept thing may lag behind the database, in seconds."""

    VISITOR_PAGE = 60  # a public page as a visitor sees it (cached_for_visitors)
    DIRECTORY_RESULTS = 60  # a directory list's rows, in its template
    LIST_COUNT = 60  # a list's total ("60,123 members"): counting cost more than the page
    RECENT_COOPS = 60  # the home page's recently confirmed co-ops
    COMING_MEETUPS = 60  # the home page's coming meetups
    MATCH_RANKING = 2 * 60  # the ranked matches for one need or offer
    SUGGESTIONS = 5 * 60  # the skill and region suggestions of the filter forms
    CALENDAR = 5 * 60  # a big calendar feed, keyed by its newest change as well


def cache_key(kind, *identity):
    """
    The key for the thing of `kind` identified by `identity` (any values with a
    stable repr). The identity is hashed: keys stay short and hold no spaces or
    user text, whatever a search or a URL holds.
    """
    if not identity:
        return kind
    return f"{kind}:{hashlib.sha256(repr(identity).encode()).hexdigest()}"


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
        key = cache_key("visitor-page", request.get_full_path())
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if _shareable_response(request, response):
                cache.set(key, response, TTL.VISITOR_PAGE)
        # Browsers and proxies must not give a visitor's copy to a member.
        patch_vary_headers(response, ["Cookie"])
        return response

    return cached_view
