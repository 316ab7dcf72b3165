"""Every meetups page and POST, role by role: 200, 302 (redirect or sign-in), 403 or 404."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetups.models import Cell, FounderTerm
from tests.cast import ROLES
from tests.meetups.factories import make_cell, make_meetup, make_shout_out

pytestmark = pytest.mark.django_db

# For now, the roles this table was written for.
CAST_ROLES = [r for r in ROLES if r not in ("member", "owner", "other_admin")]

ALL_200 = "200 200 200 200 200 200"
SIGNED_IN_200 = "302 200 200 200 200 200"
STAFF_ONLY = "302 403 403 403 403 200"
CHAMPION = "302 403 403 403 200 200"
ORGANISER = "302 403 403 200 200 200"
PROPOSAL = "404 404 200 404 404 200"  # a proposed cell: its proposer (cell_member) and staff
ANSWER = "302 403 302 403 403 403"  # only the member asked to be founder
REDIRECT = "302 302 302 302 302 302"

# (method, url template, expected statuses in CAST_ROLES order)
TABLE = [
    ("get", "/cells/", ALL_200),
    ("get", "/cells/manchester/", ALL_200),
    ("get", "/cells/secret/", PROPOSAL),
    ("get", "/cells/manchester/calendar.ics", ALL_200),
    ("get", "/cells/secret/calendar.ics", PROPOSAL),
    ("get", "/cells/manchester/edit/", CHAMPION),
    ("post", "/cells/manchester/edit/", CHAMPION),
    ("get", "/cells/manchester/rotate/", CHAMPION),
    ("post", "/cells/manchester/rotate/", "302 403 403 403 302 302"),
    ("get", "/cells/manchester/schedule/", ORGANISER),
    ("post", "/cells/manchester/schedule/", ORGANISER),
    ("post", "/cells/manchester/join/", REDIRECT),
    ("get", "/cells/manchester/leave/", SIGNED_IN_200),
    ("post", "/cells/manchester/leave/", REDIRECT),
    ("post", "/founder-terms/{term}/accept/", ANSWER),
    ("post", "/founder-terms/{term}/pass/", ANSWER),
    ("get", "/propose-a-cell/", SIGNED_IN_200),
    ("post", "/propose-a-cell/", SIGNED_IN_200),
    ("get", "/steering/quiet-cells/", STAFF_ONLY),
    ("get", "/meetups/calendar.ics", ALL_200),
    ("get", "/meetups/{meetup}/", ALL_200),
    ("get", "/meetups/{secret_meetup}/", PROPOSAL),
    ("get", "/meetups/{meetup}/calendar.ics", ALL_200),
    ("get", "/meetups/{meetup}/edit/", ORGANISER),
    ("post", "/meetups/{meetup}/edit/", ORGANISER),
    ("get", "/meetups/{meetup}/cancel/", ORGANISER),
    ("post", "/meetups/{meetup}/cancel/", "302 403 403 302 302 302"),
    ("get", "/meetups/{meetup}/email/", ORGANISER),
    ("post", "/meetups/{meetup}/email/", ORGANISER),
    ("post", "/meetups/{past}/held/", "302 403 403 302 302 302"),
    ("post", "/meetups/{meetup}/rsvp/", REDIRECT),
    ("get", "/meetups/{gathering}/", ALL_200),
    ("get", "/meetups/{gathering}/edit/", STAFF_ONLY),
    ("get", "/gatherings/", ALL_200),
    ("get", "/gatherings/new/", STAFF_ONLY),
    ("post", "/gatherings/new/", STAFF_ONLY),
    ("get", "/shout-outs/", ALL_200),
    ("get", "/shout-outs/feed.atom", ALL_200),
    ("get", "/shout-outs/new/", SIGNED_IN_200),
    ("post", "/shout-outs/new/", SIGNED_IN_200),
    ("get", "/shout-outs/{shout_out}/edit/", "302 403 200 403 403 403"),
    ("post", "/shout-outs/{shout_out}/edit/", "302 403 200 403 403 403"),
    ("get", "/shout-outs/{shout_out}/delete/", "302 403 200 403 403 200"),
    ("post", "/shout-outs/{shout_out}/delete/", "302 403 302 403 403 302"),
    ("get", "/about/", ALL_200),
    ("get", "/steering-group/", ALL_200),
]


@pytest.fixture
def objects(cast):
    now = timezone.now()
    secret = make_cell("Secret", status=Cell.Status.PROPOSED, proposed_by=cast.cell_member)
    other = make_cell("Other", members=[cast.cell_member])
    term = FounderTerm.objects.create(cell=other, member=cast.cell_member)
    return {
        "meetup": make_meetup(cast.cell).pk,
        "past": make_meetup(cast.cell, starts_at=now - timedelta(days=1)).pk,
        "secret_meetup": make_meetup(secret).pk,
        "gathering": make_meetup(None).pk,
        "term": term.pk,
        "shout_out": make_shout_out(cast.cell_member).pk,
    }


@pytest.mark.parametrize("role", CAST_ROLES)
@pytest.mark.parametrize(
    ("method", "url", "expected"), TABLE, ids=[f"{m} {u}" for m, u, _ in TABLE]
)
def test_access(cast, objects, client_as, role, method, url, expected):
    client = client_as(cast.user(role))
    response = getattr(client, method)(url.format(**objects))
    want = int(expected.split()[CAST_ROLES.index(role)])
    assert response.status_code == want, f"{role} {method} {url}: {response.status_code}"
