"""The pages the benchmark measures, resolved against the seeded network."""

import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

# seed_scale's busy member: admin of scale-coop-0 (which hosts many exchanges),
# in a few cells, with co-ops, listings and RSVPs of their own.
BUSY_USERNAME = "scale-member-0"
BUSY_COOP = "scale-coop-0"
BUSY_CELL = "scale-cell-0"


@dataclass
class Page:
    name: str
    path: str
    user: object = None  # signed in as this user, or a visitor
    cookie: str = ""


def signed_in_cookie(user):
    """A real session in the database, usable by the gunicorn workers too."""
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def count_queries(path, user):
    client = Client()
    if user is not None:
        client.force_login(user)
    # As wrk_report.lua does: a page measured uncached is counted uncached too.
    path = path.replace("UNIQUE", f"count-{secrets.token_hex(8)}")
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}, not 200")
    return len(context.captured_queries)


def with_query(name, **params):
    return f"{reverse(name)}?{urlencode(params)}"


def bench_pages():
    """
    The issue's list, in its order. Query parameters are the filters' own
    (profiles/filters.py CoopFilter, listings/filters.py ListingFilter); pages behind
    @login_required are fetched signed in.
    """
    from listings.models import Listing

    busy = get_user_model().objects.get(username=BUSY_USERNAME)
    need = (
        Listing.objects.open()
        .filter(kind=Listing.Kind.NEED, skills__name="Python")
        .order_by("pk")
        .first()
    )
    if need is None:
        raise SystemExit("No open need for Python: was the database seeded with seed_scale?")
    pages = [
        Page("co-op directory", reverse("profiles:coop-list")),
        Page("co-op directory: search", with_query("profiles:coop-list", q="python")),
        Page(
            "co-op directory: 3 filters",
            with_query("profiles:coop-list", offers="Django", tool="Docker", region="Yorkshire"),
        ),
        # The same two, each request a URL no cache holds (wrk_report.lua fills in UNIQUE):
        # what a search costs the first time, or once its kept copy has expired.
        Page("co-op search, uncached", with_query("profiles:coop-list", q="python", v="UNIQUE")),
        Page(
            "co-op 3 filters, uncached",
            with_query(
                "profiles:coop-list", offers="Django", tool="Docker", region="Yorkshire", v="UNIQUE"
            ),
        ),
        Page("co-op profile", reverse("profiles:coop-detail", args=[BUSY_COOP])),
        Page("members directory", reverse("profiles:member-list"), busy),
        Page("skill page", reverse("profiles:skill-detail", args=["python"])),
        Page("listings: search", with_query("listings:listing-list", q="django")),
        Page("need's matches", reverse("listings:listing-matches", args=[need.pk]), busy),
        Page("exchanges of a busy admin", reverse("exchanges:exchange-list"), busy),
        Page("cell page", reverse("meetups:cell-detail", args=[BUSY_CELL])),
        Page("iCalendar: all meetups", reverse("meetups:calendar")),
        Page("home of a busy member", reverse("home"), busy),
    ]
    for page in pages:
        if page.user is not None:
            page.cookie = signed_in_cookie(page.user)
    return pages
