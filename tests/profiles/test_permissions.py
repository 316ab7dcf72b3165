"""Every profiles URL, GET and POST, for every role: 200, 302, 403 or 404 as the issue says."""

import pytest
from django.urls import reverse

from profiles.models import Coop, Membership
from tests.cast import ROLES
from tests.factories import make_coop, make_member, make_skill
from tests.profiles.factories import make_invitation, make_join_request

pytestmark = pytest.mark.django_db

# For now, the roles this table was written for.
ROLE_NAMES = [r for r in ROLES if r not in ("cell_member", "founder", "champion")]

LOGIN = "login"  # a redirect to the sign-in page
DONE = 302  # the step was taken (or refused with a message) and the page redirects

EVERYONE = dict.fromkeys(ROLE_NAMES, 200)
SIGNED_IN = {**EVERYONE, "anonymous": LOGIN}
ADMINS = {
    "anonymous": LOGIN,
    "outsider": 403,
    "member": 403,
    "owner": 200,
    "other_admin": 403,
    "staff": 200,
}
ADMINS_OF_PENDING = {**ADMINS, "outsider": 404, "member": 404, "other_admin": 404}
STAFF_ONLY = {**dict.fromkeys(ROLE_NAMES, 404), "anonymous": LOGIN, "staff": 200}


def as_post(expected):
    """The same table for a POST step: allowed roles are redirected after it."""
    return {role: DONE if code == 200 else code for role, code in expected.items()}


class World:
    """The cast plus a pending co-op, an unlisted member, a join request and an invitation."""

    def __init__(self, cast):
        self.cast = cast
        self.pending = make_coop(
            "Pending Co-op",
            status=Coop.Status.PENDING,
            admins=[cast.owner],
            members=[cast.member],
        )
        self.unlisted = make_member("")
        self.membership = Membership.objects.get(coop=cast.coop, member=cast.member)
        self.join_request = make_join_request(cast.coop, make_member("Joiner"))
        self.invitation = make_invitation(cast.coop, "outsider@example.org")
        self.skill = make_skill("Django")


GETS = [
    ("profiles:coop-list", lambda w: [], EVERYONE),
    ("profiles:coop-detail", lambda w: [w.cast.coop.slug], EVERYONE),
    ("profiles:coop-detail", lambda w: [w.pending.slug], {**ADMINS_OF_PENDING, "anonymous": 404}),
    ("profiles:coop-create", lambda w: [], SIGNED_IN),
    ("profiles:coop-edit", lambda w: [w.cast.coop.slug], ADMINS),
    ("profiles:coop-edit", lambda w: [w.pending.slug], ADMINS_OF_PENDING),
    ("profiles:coop-members", lambda w: [w.cast.coop.slug], ADMINS),
    ("profiles:coop-members", lambda w: [w.pending.slug], ADMINS_OF_PENDING),
    ("profiles:membership-remove", lambda w: [w.cast.coop.slug, w.membership.pk], ADMINS),
    (
        "profiles:coop-leave",
        lambda w: [w.cast.coop.slug],
        {**dict.fromkeys(ROLE_NAMES, DONE), "anonymous": LOGIN, "member": 200, "owner": 200},
    ),
    ("profiles:coop-join", lambda w: [w.cast.coop.slug], SIGNED_IN),
    ("profiles:invitation", lambda w: [w.invitation.token], SIGNED_IN),
    ("profiles:member-list", lambda w: [], SIGNED_IN),
    ("profiles:member-detail", lambda w: [w.cast.member.pk], SIGNED_IN),
    ("profiles:member-detail", lambda w: [w.unlisted.pk], {**STAFF_ONLY}),
    ("profiles:me", lambda w: [], SIGNED_IN),
    ("profiles:me-edit", lambda w: [], SIGNED_IN),
    ("profiles:skill-detail", lambda w: [w.skill.slug], EVERYONE),
    ("profiles:coop-queue", lambda w: [], STAFF_ONLY),
    ("profiles:freshness-report", lambda w: [], STAFF_ONLY),
]

POSTS = [
    ("profiles:coop-confirm", lambda w: [w.cast.coop.slug], {}, as_post(ADMINS)),
    ("profiles:coop-confirm", lambda w: [w.pending.slug], {}, as_post(ADMINS_OF_PENDING)),
    (
        "profiles:membership-role",
        lambda w: [w.cast.coop.slug, w.membership.pk],
        {"role": "admin"},
        as_post(ADMINS),
    ),
    (
        "profiles:membership-remove",
        lambda w: [w.cast.coop.slug, w.membership.pk],
        {},
        as_post(ADMINS),
    ),
    (
        "profiles:join-request-approve",
        lambda w: [w.cast.coop.slug, w.join_request.pk],
        {},
        as_post(ADMINS),
    ),
    (
        "profiles:join-request-refuse",
        lambda w: [w.cast.coop.slug, w.join_request.pk],
        {},
        as_post(ADMINS),
    ),
    ("profiles:coop-approve", lambda w: [w.pending.slug], {"note": ""}, as_post(STAFF_ONLY)),
    ("profiles:coop-refuse", lambda w: [w.pending.slug], {"note": "No"}, as_post(STAFF_ONLY)),
    ("profiles:me-confirm", lambda w: [], {}, as_post(SIGNED_IN)),
]


def _check(response, expected):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    else:
        assert response.status_code == expected
        if expected == 302:
            assert not response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(
    ("name", "args", "table"), GETS, ids=[f"GET {n}-{i}" for i, (n, *_) in enumerate(GETS)]
)
def test_get(cast, client_as, role, name, args, table):
    world = World(cast)
    response = client_as(cast.user(role)).get(reverse(name, args=args(world)))
    _check(response, table[role])


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(
    ("name", "args", "data", "table"),
    POSTS,
    ids=[f"POST {n}-{i}" for i, (n, *_) in enumerate(POSTS)],
)
def test_post(cast, client_as, role, name, args, data, table):
    world = World(cast)
    response = client_as(cast.user(role)).post(reverse(name, args=args(world)), data)
    _check(response, table[role])


@pytest.mark.parametrize(
    "name",
    ["profiles:coop-confirm", "profiles:membership-role", "profiles:me-confirm"],
)
def test_state_changes_refuse_get(cast, client_as, name):
    world = World(cast)
    args = {
        "profiles:coop-confirm": [cast.coop.slug],
        "profiles:membership-role": [cast.coop.slug, world.membership.pk],
        "profiles:me-confirm": [],
    }[name]
    assert client_as(cast.owner.user).get(reverse(name, args=args)).status_code == 405
