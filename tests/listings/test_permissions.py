"""Who may see and change needs and offers: every view and every POST, role by role."""

import pytest

from tests.cast import ROLES
from tests.listings.factories import make_need

pytestmark = pytest.mark.django_db

# For now, the roles this table was written for.
ROLE_NAMES = [r for r in ROLES if r not in ("cell_member", "founder", "champion")]

EVERYONE = dict.fromkeys(ROLE_NAMES, 200)
SIGNED_IN = {**EVERYONE, "anonymous": 302}
NOT_FOUND = {**dict.fromkeys(ROLE_NAMES, 404), "anonymous": 302}
# The listing is Mo Member's, posted for the co-op Olu Owner administers.
CHANGERS = {
    "anonymous": 302,
    "outsider": 403,
    "member": 200,
    "owner": 200,
    "other_admin": 403,
    "staff": 403,
}
CHANGERS_REDIRECTED = {**CHANGERS, "member": 302, "owner": 302}

TABLE = [
    # (method, path, data, expected by role)
    ("get", "/listings/", None, EVERYONE),
    ("get", "/listings/feed.atom", None, EVERYONE),
    ("get", "/skills/django/listings.atom", None, EVERYONE),
    ("get", "/listings/new/", None, SIGNED_IN),
    ("post", "/listings/new/", {}, SIGNED_IN),  # invalid: the form again
    ("get", "/listings/{members_only}/", None, SIGNED_IN),
    ("get", "/listings/{public}/", None, EVERYONE),
    ("get", "/listings/999999/", None, dict.fromkeys(ROLE_NAMES, 404)),
    ("get", "/listings/{members_only}/matches/", None, SIGNED_IN),
    ("get", "/listings/999999/matches/", None, NOT_FOUND),
    ("get", "/listings/{members_only}/edit/", None, CHANGERS),
    ("post", "/listings/{members_only}/edit/", {}, CHANGERS),  # invalid: the form again
    ("get", "/listings/999999/edit/", None, NOT_FOUND),
    ("get", "/listings/{members_only}/close/", None, CHANGERS),
    ("post", "/listings/{members_only}/close/", {"outcome": "withdrawn"}, CHANGERS_REDIRECTED),
    ("get", "/listings/{members_only}/renew/", None, CHANGERS),
    ("post", "/listings/{members_only}/renew/", {}, CHANGERS_REDIRECTED),
    ("get", "/listings/{members_only}/message/", None, SIGNED_IN),
    ("post", "/listings/{members_only}/message/", {"message": ""}, SIGNED_IN),
    ("get", "/listings/999999/message/", None, NOT_FOUND),
    ("get", "/members/{author}/message/", None, SIGNED_IN),
    ("post", "/members/{author}/message/", {"message": ""}, SIGNED_IN),
    ("get", "/coops/owner-co-op/message/", None, SIGNED_IN),
    ("post", "/coops/owner-co-op/message/", {"message": ""}, SIGNED_IN),
    ("get", "/coops/no-such-co-op/message/", None, NOT_FOUND),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("method", "path", "data", "expected"), TABLE)
def test_permissions(client_as, cast, role, method, path, data, expected):
    listing = make_need(cast.member, coop=cast.coop, skills=["Django"])
    public = make_need(cast.other_admin, is_public=True)
    url = path.format(members_only=listing.pk, public=public.pk, author=cast.member.pk)
    client = client_as(cast.user(role))
    response = getattr(client, method)(url, data or {})
    assert response.status_code == expected[role], (role, method, url)
    if response.status_code == 302 and role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
    listing.refresh_from_db()
    if response.status_code != 302:
        # Nothing changes unless the step succeeded.
        assert listing.status == "open"
        assert listing.title.startswith("Need")


def test_the_change_buttons_show_only_to_those_who_may_change(client_as, cast):
    listing = make_need(cast.member, coop=cast.coop)
    edit = f"/listings/{listing.pk}/edit/"
    assert edit in client_as(cast.owner.user).get(listing.get_absolute_url()).content.decode()
    assert (
        edit
        not in client_as(cast.other_admin.user).get(f"/listings/{listing.pk}/").content.decode()
    )
