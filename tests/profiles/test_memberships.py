"""Co-op membership: cast, the last-admin rule, invitations by e-mail, join requests."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from profiles import services
from profiles.models import Coop, Invitation, JoinRequest, Member, Membership
from profiles.models.shared import ProfileError
from tests.factories import make_coop, make_member, make_user
from tests.helpers import link_in
from tests.profiles.factories import make_invitation, make_join_request

pytestmark = pytest.mark.django_db


def role_of(coop, member):
    membership = Membership.objects.filter(coop=coop, member=member).first()
    return membership.role if membership else None


def test_an_admin_promotes_and_demotes(cast, client_as):
    membership = Membership.objects.get(coop=cast.coop, member=cast.member)
    url = reverse("profiles:membership-role", args=[cast.coop.slug, membership.pk])
    client = client_as(cast.owner.user)
    client.post(url, {"role": "admin"})
    assert role_of(cast.coop, cast.member) == "admin"
    client.post(url, {"role": "member"})
    assert role_of(cast.coop, cast.member) == "member"


def test_the_last_admin_cannot_demote_themselves(cast, client_as):
    membership = Membership.objects.get(coop=cast.coop, member=cast.owner)
    response = client_as(cast.owner.user).post(
        reverse("profiles:membership-role", args=[cast.coop.slug, membership.pk]),
        {"role": "member"},
        follow=True,
    )
    assert "at least one admin" in response.text
    assert role_of(cast.coop, cast.owner) == "admin"


def test_the_last_admin_cannot_leave_but_can_once_another_admin_exists(cast, client_as):
    client = client_as(cast.owner.user)
    url = reverse("profiles:coop-leave", args=[cast.coop.slug])
    response = client.post(url, follow=True)
    assert "last admin cannot leave" in response.text
    assert role_of(cast.coop, cast.owner) == "admin"

    services.change_role(
        Membership.objects.get(coop=cast.coop, member=cast.member), "admin", by=cast.owner
    )
    client.post(url)
    assert role_of(cast.coop, cast.owner) is None


def test_a_member_leaves_after_confirming(cast, client_as):
    client = client_as(cast.member.user)
    url = reverse("profiles:coop-leave", args=[cast.coop.slug])
    assert "Leave Owner Co-op?" in client.get(url).text
    assert role_of(cast.coop, cast.member) == "member"
    client.post(url)
    assert role_of(cast.coop, cast.member) is None


def test_an_admin_removes_a_member_after_a_confirmation_page(cast, client_as):
    membership = Membership.objects.get(coop=cast.coop, member=cast.member)
    url = reverse("profiles:membership-remove", args=[cast.coop.slug, membership.pk])
    client = client_as(cast.owner.user)
    assert "Remove Mo Member from Owner Co-op?" in client.get(url).text
    assert role_of(cast.coop, cast.member) == "member"
    client.post(url)
    assert role_of(cast.coop, cast.member) is None


def test_the_last_admin_cannot_be_removed_even_by_staff(cast):
    with pytest.raises(ProfileError):
        services.remove_membership(
            Membership.objects.get(coop=cast.coop, member=cast.owner),
            by=cast.staff,
            staff=True,
        )
    assert role_of(cast.coop, cast.owner) == "admin"


def test_a_member_cannot_change_roles_through_the_service(cast):
    with pytest.raises(ProfileError):
        services.change_role(
            Membership.objects.get(coop=cast.coop, member=cast.member), "admin", by=cast.member
        )
    assert role_of(cast.coop, cast.member) == "member"


@pytest.mark.django_db(transaction=True)
def test_two_admins_demoting_each_other_at_once_leave_one_admin():
    """Each thread has its own connection; the membership locks serialise them."""
    first, second = make_member("First"), make_member("Second")
    coop = make_coop("Pair Co-op", admins=[first, second])
    memberships = {m.member_id: m for m in Membership.objects.filter(coop=coop)}
    barrier = threading.Barrier(2)
    outcomes = []

    def demote(by, target):
        try:
            barrier.wait()
            services.change_role(memberships[target.pk], "member", by=by)
            outcomes.append("demoted")
        except ProfileError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=demote, args=(first, second)),
        threading.Thread(target=demote, args=(second, first)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["demoted", "refused"]
    assert Membership.objects.filter(coop=coop, role="admin").count() == 1


def test_an_admin_invites_by_email_and_the_invitee_accepts_signed_in(cast, client_as, mailoutbox):
    response = client_as(cast.owner.user).post(
        reverse("profiles:coop-members", args=[cast.coop.slug]),
        {"email": "newcomer@example.coop", "role": "admin"},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(coop=cast.coop, email="newcomer@example.coop")
    assert mailoutbox[0].to == ["newcomer@example.coop"]
    link = link_in(mailoutbox[0].body, "/invitations/")
    assert invitation.token in link

    newcomer = make_user("newcomer@example.coop")
    client = client_as(newcomer)
    assert "Join Owner Co-op" in client.get(link).text
    client.post(link)
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert role_of(cast.coop, newcomer.member) == "admin"


def test_an_invitation_cannot_be_accepted_from_another_address(cast, client_as):
    invitation = make_invitation(cast.coop, "someone@example.coop")
    response = client_as(cast.outsider.user).post(
        reverse("profiles:invitation", args=[invitation.token]), follow=True
    )
    assert "sign in with that address" in response.text
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert role_of(cast.coop, cast.outsider) is None


def test_an_invitation_works_once(cast):
    invitation = make_invitation(cast.coop, "outsider@example.org")
    services.accept_invitation(invitation, cast.outsider)
    with pytest.raises(ProfileError, match="already been used"):
        services.accept_invitation(invitation, cast.outsider)


def test_inviting_a_member_or_an_invited_address_again_is_refused_beside_the_field(cast, client_as):
    client = client_as(cast.owner.user)
    url = reverse("profiles:coop-members", args=[cast.coop.slug])
    response = client.post(url, {"email": "member@example.coop", "role": "member"})
    assert "already belongs to Owner Co-op" in response.text
    client.post(url, {"email": "new@example.coop", "role": "member"})
    response = client.post(url, {"email": "NEW@example.coop", "role": "member"})
    assert "has already been invited" in response.text
    assert 'value="NEW@example.coop"' in response.text
    assert Invitation.objects.filter(coop=cast.coop).count() == 1


def test_a_bad_email_is_refused_beside_the_field(cast, client_as):
    response = client_as(cast.owner.user).post(
        reverse("profiles:coop-members", args=[cast.coop.slug]),
        {"email": "not-an-address", "role": "member"},
    )
    assert response.status_code == 200
    assert "Enter a valid email address" in response.text
    assert not Invitation.objects.exists()


def test_someone_asks_to_join_and_an_admin_approves(cast, client_as, mailoutbox):
    client_as(cast.outsider.user).post(
        reverse("profiles:coop-join", args=[cast.coop.slug]), {"message": "Hello!"}
    )
    join_request = JoinRequest.objects.get(coop=cast.coop, member=cast.outsider)
    assert join_request.status == "pending"
    assert mailoutbox[0].to == ["owner@example.coop"] and "Hello!" in mailoutbox[0].body
    assert link_in(mailoutbox[0].body, f"/coops/{cast.coop.slug}/members/")
    page = client_as(cast.owner.user).get(reverse("profiles:coop-members", args=[cast.coop.slug]))
    assert "Oz Outsider" in page.text and "Hello!" in page.text
    client_as(cast.owner.user).post(
        reverse("profiles:join-request-approve", args=[cast.coop.slug, join_request.pk])
    )
    join_request.refresh_from_db()
    assert join_request.status == "approved" and join_request.decided_by == cast.owner
    assert role_of(cast.coop, cast.outsider) == "member"


def test_an_admin_refuses_a_join_request(cast, client_as):
    join_request = make_join_request(cast.coop, cast.outsider)
    client_as(cast.owner.user).post(
        reverse("profiles:join-request-refuse", args=[cast.coop.slug, join_request.pk])
    )
    join_request.refresh_from_db()
    assert join_request.status == "refused"
    assert role_of(cast.coop, cast.outsider) is None


def test_a_join_request_is_decided_once(cast):
    join_request = make_join_request(cast.coop, cast.outsider)
    services.decide_join_request(join_request, by=cast.owner, approve=False)
    with pytest.raises(ProfileError, match="already been decided"):
        services.decide_join_request(join_request, by=cast.owner, approve=True)
    assert role_of(cast.coop, cast.outsider) is None


def test_asking_twice_or_as_a_member_is_refused(cast):
    services.request_to_join(cast.coop, cast.outsider)
    with pytest.raises(ProfileError, match="already asked"):
        services.request_to_join(cast.coop, cast.outsider)
    with pytest.raises(ProfileError, match="already belong"):
        services.request_to_join(cast.coop, cast.member)
    assert JoinRequest.objects.filter(coop=cast.coop).count() == 1


def test_an_admin_of_another_coop_cannot_decide_through_the_service(cast):
    join_request = make_join_request(cast.coop, cast.outsider)
    with pytest.raises(ProfileError):
        services.decide_join_request(join_request, by=cast.other_admin, approve=True)
    join_request.refresh_from_db()
    assert join_request.status == "pending"


def test_a_member_creates_a_coop_and_becomes_its_admin_while_it_waits(cast, client_as):
    response = client_as(cast.outsider.user).post(
        reverse("profiles:coop-create"),
        {
            "name": "Fresh Co-op",
            "country": "gb",
            "tech_offers": "Django, Elm",
            "contact_email_visibility": "members",
            "phone_visibility": "members",
            "chat_visibility": "members",
            "address_visibility": "admins",
            **formset_management(office=1),
            "office-0-kind": "desks",
            "office-0-location": "The Quay",
        },
    )
    coop = Coop.objects.get(name="Fresh Co-op")
    assert response.url == coop.get_absolute_url()
    assert coop.status == "pending" and coop.slug == "fresh-co-op" and coop.country == "GB"
    assert coop.last_confirmed_at is not None
    assert role_of(coop, cast.outsider) == "admin"
    assert sorted(s.name for s in coop.offered_skills) == ["Django", "Elm"]
    assert [space.location for space in coop.office_spaces.all()] == ["The Quay"]
    assert client_as(cast.outsider.user).get(coop.get_absolute_url()).status_code == 200
    assert client_as(None).get(coop.get_absolute_url()).status_code == 404
    assert "Fresh Co-op" not in client_as(None).get(reverse("profiles:coop-list")).text


def formset_management(office=0, inkind=0):
    return {
        "office-TOTAL_FORMS": str(office),
        "office-INITIAL_FORMS": "0",
        "inkind-TOTAL_FORMS": str(inkind),
        "inkind-INITIAL_FORMS": "0",
    }


def test_staff_can_invite_and_another_coops_admin_cannot(cast):
    assert services.invite(cast.coop, "a@example.org", "member", by=cast.staff, staff=True)
    with pytest.raises(ProfileError):
        services.invite(cast.coop, "b@example.org", "member", by=cast.other_admin)
    assert list(cast.coop.invitations.values_list("email", flat=True)) == ["a@example.org"]


def test_a_member_loaded_for_their_user_knows_the_coops_they_administer(
    cast, django_assert_num_queries
):
    make_coop("Second Co-op", admins=[cast.owner])
    make_coop("Third Co-op", members=[cast.owner])
    with django_assert_num_queries(1):
        owner = Member.objects.get_for_user(cast.owner.user)
        admin_of = owner.admin_coop_ids()
        assert owner.user.member is owner  # kept on the user, read without a query
    assert owner == cast.owner
    assert admin_of == set(
        Membership.objects.filter(member=owner, role="admin").values_list("coop_id", flat=True)
    )
    assert len(admin_of) == 2
    assert Member.objects.get_for_user(cast.member.user).admin_coop_ids() == set()
    without_profile = make_user()
    Member.objects.filter(user=without_profile).delete()
    with pytest.raises(Member.DoesNotExist):
        Member.objects.get_for_user(without_profile)
