"""Every profiles URL, GET and POST, for every role: 200, 302, 403 or 404 as the issue says."""

import pytest

from profiles.models import Coop, JoinRequest, Member, Membership
from tests.cast import ROLES, Cast
from tests.factories import make_coop, make_member, make_skill
from tests.helpers import REFUSED, Access, assert_access, by_role, module_world
from tests.profiles.factories import make_invitation, make_join_request

pytestmark = pytest.mark.django_db

EVERYONE = by_role(200)
SIGNED_IN = by_role(200, anonymous=302)
ADMINS = by_role(403, anonymous=302, owner=200, staff=200)
ADMINS_OF_PENDING = by_role(404, anonymous=302, owner=200, staff=200)
STAFF_ONLY = by_role(404, anonymous=302, staff=200)


def as_post(expected):
    """The same table for a POST step: allowed roles are redirected after it."""
    return {role: 302 if code == 200 else code for role, code in expected.items()}


class World:
    """The cast plus a pending co-op, an unlisted member, a join request and an invitation."""

    def __init__(self):
        cast = self.cast = Cast()
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
        self.confirmed_at = {
            coop.pk: coop.last_confirmed_at for coop in Coop.objects.filter(pk__in=self.coops())
        }
        self.member_confirmed_at = dict(Member.objects.values_list("pk", "last_confirmed_at"))
        self.names = {
            "coop": cast.coop.slug,
            "pending": self.pending.slug,
            "membership": self.membership.pk,
            "join_request": self.join_request.pk,
            "invitation": self.invitation.token,
            "member": cast.member.pk,
            "unlisted": self.unlisted.pk,
            "skill": self.skill.slug,
        }

    def coops(self):
        return [self.cast.coop.pk, self.pending.pk]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with module_world(django_db_blocker, World) as world:
        yield world


def confirmed(coop):
    def done(world, role):
        coop_now = Coop.objects.get(slug=world.names[coop])
        return coop_now.last_confirmed_at != world.confirmed_at[coop_now.pk]

    return done


def promoted(world, role):
    return Membership.objects.get(pk=world.membership.pk).role == Membership.Role.ADMIN


def removed(world, role):
    return not Membership.objects.filter(pk=world.membership.pk).exists()


def decided(world, role):
    return JoinRequest.objects.get(pk=world.join_request.pk).status != "pending"


def reviewed(world, role):
    return Coop.objects.get(pk=world.pending.pk).status != Coop.Status.PENDING


def self_confirmed(world, role):
    if role == "anonymous":
        return False
    member = Member.objects.get(user=world.cast.user(role))
    return member.last_confirmed_at != world.member_confirmed_at[member.pk]


def left(world, role):
    """Someone left Owner Co-op (it had its owner and its member)."""
    return Membership.objects.filter(coop=world.cast.coop).count() < 2


GETS = [
    Access("get", "/coops/", EVERYONE),
    Access("get", "/coops/{coop}/", EVERYONE),
    Access("get", "/coops/{pending}/", {**ADMINS_OF_PENDING, "anonymous": 404}),
    Access("get", "/coops/new/", SIGNED_IN),
    Access("get", "/coops/{coop}/edit/", ADMINS),
    Access("get", "/coops/{pending}/edit/", ADMINS_OF_PENDING),
    Access("get", "/coops/{coop}/members/", ADMINS),
    Access("get", "/coops/{pending}/members/", ADMINS_OF_PENDING),
    Access("get", "/coops/{coop}/members/{membership}/remove/", ADMINS),
    # Only those who belong get the confirmation page; the others are sent back.
    Access(
        "get",
        "/coops/{coop}/leave/",
        by_role(REFUSED, anonymous=302, member=200, owner=200),
        to="/coops/{coop}/",
        done=left,
    ),
    Access("get", "/coops/{coop}/join/", SIGNED_IN),
    Access("get", "/invitations/{invitation}/", SIGNED_IN),
    Access("get", "/members/", SIGNED_IN),
    Access("get", "/members/{member}/", SIGNED_IN),
    Access("get", "/members/{unlisted}/", STAFF_ONLY),
    Access("get", "/me/", SIGNED_IN),
    Access("get", "/me/edit/", SIGNED_IN),
    Access("get", "/skills/{skill}/", EVERYONE),
    Access("get", "/steering/coops/", STAFF_ONLY),
    Access("get", "/steering/freshness/", STAFF_ONLY),
]

POSTS = [
    Access(
        "post",
        "/coops/{coop}/confirm/",
        as_post(ADMINS),
        to="/coops/{coop}/",
        done=confirmed("coop"),
    ),
    Access(
        "post",
        "/coops/{pending}/confirm/",
        as_post(ADMINS_OF_PENDING),
        to="/coops/{pending}/",
        done=confirmed("pending"),
    ),
    Access(
        "post",
        "/coops/{coop}/members/{membership}/role/",
        as_post(ADMINS),
        data={"role": "admin"},
        to="/coops/{coop}/members/",
        done=promoted,
    ),
    Access(
        "post",
        "/coops/{coop}/members/{membership}/remove/",
        as_post(ADMINS),
        to="/coops/{coop}/members/",
        done=removed,
    ),
    Access(
        "post",
        "/coops/{coop}/join-requests/{join_request}/approve/",
        as_post(ADMINS),
        to="/coops/{coop}/members/",
        done=decided,
    ),
    Access(
        "post",
        "/coops/{coop}/join-requests/{join_request}/refuse/",
        as_post(ADMINS),
        to="/coops/{coop}/members/",
        done=decided,
    ),
    Access(
        "post",
        "/steering/coops/{pending}/approve/",
        as_post(STAFF_ONLY),
        data={"note": ""},
        to="/steering/coops/",
        done=reviewed,
    ),
    Access(
        "post",
        "/steering/coops/{pending}/refuse/",
        as_post(STAFF_ONLY),
        data={"note": "No"},
        to="/steering/coops/",
        done=reviewed,
    ),
    Access("post", "/me/confirm/", as_post(SIGNED_IN), to="/me/", done=self_confirmed),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", GETS + POSTS, ids=str)
def test_access(world, client_as, role, row):
    assert_access(client_as(world.cast.user(role)), row, role, world=world, names=world.names)


@pytest.mark.parametrize(
    "url", ["/coops/{coop}/confirm/", "/coops/{coop}/members/{membership}/role/", "/me/confirm/"]
)
def test_state_changes_refuse_get(world, client_as, url):
    response = client_as(world.cast.owner.user).get(url.format(**world.names))
    assert response.status_code == 405
