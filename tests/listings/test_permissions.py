"""Who may see and change needs and offers: every view and every POST, role by role."""

import pytest

from listings.models import Listing
from tests.cast import ROLES, Cast
from tests.helpers import Access, assert_access, module_world
from tests.listings.factories import make_need

pytestmark = pytest.mark.django_db

EVERYONE = dict.fromkeys(ROLES, 200)
SIGNED_IN = {**EVERYONE, "anonymous": 302}
NOT_FOUND = {**dict.fromkeys(ROLES, 404), "anonymous": 302}
# The listing is Mo Member's, posted for the co-op Olu Owner administers.
CHANGERS = {**dict.fromkeys(ROLES, 403), "anonymous": 302, "member": 200, "owner": 200}
CHANGERS_REDIRECTED = {**CHANGERS, "member": 302, "owner": 302}


class World:
    """The cast, Mo Member's members-only need for Owner Co-op and Ana Other's public one."""

    def __init__(self):
        self.cast = Cast()
        self.listing = make_need(self.cast.member, coop=self.cast.coop, skills=["Django"])
        self.public = make_need(self.cast.other_admin, is_public=True)
        self.names = {
            "members_only": self.listing.pk,
            "public": self.public.pk,
            "author": self.cast.member.pk,
        }

    def listing_now(self):
        return Listing.objects.get(pk=self.listing.pk)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with module_world(django_db_blocker, World) as world:
        yield world


def created(world, role):
    return Listing.objects.exclude(pk__in=[world.listing.pk, world.public.pk]).exists()


def edited(world, role):
    now = world.listing_now()
    return (now.title, now.description) != (world.listing.title, world.listing.description)


def closed(world, role):
    return world.listing_now().status != "open"


def renewed(world, role):
    return world.listing_now().confirmed_at != world.listing.confirmed_at


def messaged(world, role):
    from django.core import mail

    return bool(mail.outbox)


TABLE = [
    Access("get", "/listings/", EVERYONE),
    Access("get", "/listings/feed.atom", EVERYONE),
    Access("get", "/skills/django/listings.atom", EVERYONE),
    Access("get", "/listings/new/", SIGNED_IN),
    Access("post", "/listings/new/", SIGNED_IN, data={}, done=created),  # invalid: the form again
    Access("get", "/listings/{members_only}/", SIGNED_IN),
    Access("get", "/listings/{public}/", EVERYONE),
    Access("get", "/listings/999999/", dict.fromkeys(ROLES, 404)),
    Access("get", "/listings/{members_only}/matches/", SIGNED_IN),
    Access("get", "/listings/999999/matches/", NOT_FOUND),
    Access("get", "/listings/{members_only}/edit/", CHANGERS),
    # An empty form: the changers see the errors, nothing is saved.
    Access("post", "/listings/{members_only}/edit/", CHANGERS, data={}, done=edited),
    Access("get", "/listings/999999/edit/", NOT_FOUND),
    Access("get", "/listings/{members_only}/close/", CHANGERS),
    Access(
        "post",
        "/listings/{members_only}/close/",
        CHANGERS_REDIRECTED,
        data={"outcome": "withdrawn"},
        to="/listings/{members_only}/",
        done=closed,
    ),
    Access("get", "/listings/{members_only}/renew/", CHANGERS),
    Access(
        "post",
        "/listings/{members_only}/renew/",
        CHANGERS_REDIRECTED,
        data={},
        to="/listings/{members_only}/",
        done=renewed,
    ),
    Access("get", "/listings/{members_only}/message/", SIGNED_IN),
    # An empty message: the form again, nothing is sent.
    Access(
        "post", "/listings/{members_only}/message/", SIGNED_IN, data={"message": ""}, done=messaged
    ),
    Access("get", "/listings/999999/message/", NOT_FOUND),
    Access("get", "/members/{author}/message/", SIGNED_IN),
    Access("post", "/members/{author}/message/", SIGNED_IN, data={"message": ""}, done=messaged),
    Access("get", "/coops/owner-co-op/message/", SIGNED_IN),
    Access("post", "/coops/owner-co-op/message/", SIGNED_IN, data={"message": ""}, done=messaged),
    Access("get", "/coops/no-such-co-op/message/", NOT_FOUND),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", TABLE, ids=str)
def test_permissions(world, client_as, mailoutbox, role, row):
    assert_access(client_as(world.cast.user(role)), row, role, world=world, names=world.names)


def test_the_change_buttons_show_only_to_those_who_may_change(world, client_as):
    listing, cast = world.listing, world.cast
    edit = f"/listings/{listing.pk}/edit/"
    assert edit in client_as(cast.owner.user).get(listing.get_absolute_url()).content.decode()
    assert (
        edit
        not in client_as(cast.other_admin.user).get(f"/listings/{listing.pk}/").content.decode()
    )
