"""A member downloads everything the site holds about them, and can delete their account."""

import json

import pytest
from allauth.account.models import EmailAddress

from listings.models import Listing
from meetups import services
from profiles.models import Coop, Member, Membership
from tests.factories import PASSWORD, give_skills, make_coop, make_listing, make_member

pytestmark = pytest.mark.django_db


def test_the_download_holds_the_members_own_data(client):
    member = make_member("Robin", email="robin@example.org", bio="Hello <b>there</b>")
    give_skills(member, offers=["Django"], needs=["Rust"])
    make_coop("Fair Code", members=[member])
    make_listing(member, title="Need a Rust mentor", skills=["Rust"])
    client.force_login(member.user)
    response = client.get("/me/data.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "robin@example.org"
    assert data["profile"]["display_name"] == "Robin"
    assert data["profile"]["bio"] == "Hello <b>there</b>"
    assert {(s["skill"], s["relation"]) for s in data["skills"]} == {
        ("Django", "offers"),
        ("Rust", "needs"),
    }
    assert data["coops"][0]["slug"] == "fair-code"
    assert data["listings"][0]["title"] == "Need a Rust mentor"


def test_the_download_and_deletion_are_for_signed_in_members_only(client):
    assert client.get("/me/data.json").status_code == 302
    assert client.get("/me/delete/").status_code == 302
    assert client.post("/me/delete/", {"confirm": "on"}).status_code == 302


def test_deleting_needs_the_box_ticked(client):
    member = make_member()
    client.force_login(member.user)
    response = client.post("/me/delete/", {})
    assert response.status_code == 200
    assert "This field is required" in response.text
    member.refresh_from_db()
    assert member.forgotten_at is None


def test_deleting_the_account_removes_personal_data_but_keeps_the_row(client):
    member = make_member("Robin", email="robin@example.org", phone="0700")
    give_skills(member, offers=["Django"])
    coop = make_coop("Fair Code", members=[member])
    make_listing(member)
    client.force_login(member.user)
    response = client.post("/me/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

    member.refresh_from_db()
    assert str(member) == "a former member"
    assert member.display_name == "" and member.phone == ""
    assert not member.skill_links.exists()
    assert not Membership.objects.filter(coop=coop, member=member).exists()
    assert not Listing.objects.filter(author=member).exists()
    assert not member.user.is_active and member.user.email == ""
    assert not EmailAddress.objects.filter(email="robin@example.org").exists()
    assert not Member.objects.listed().filter(pk=member.pk).exists()
    assert Coop.objects.filter(pk=coop.pk).exists()
    response = client.post("/accounts/login/", {"login": "robin@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_the_last_admin_must_hand_over_first(client):
    admin, other = make_member("Admin"), make_member("Other")
    make_coop("Fair Code", admins=[admin], members=[other])
    client.force_login(admin.user)
    response = client.post("/me/delete/", {"confirm": "on"}, follow=True)
    assert "last admin of Fair Code" in response.text
    admin.refresh_from_db()
    assert admin.forgotten_at is None and admin.user.is_active


def test_the_sole_member_of_a_coop_may_leave_it(client):
    admin = make_member("Admin")
    make_coop("Solo", admins=[admin])
    client.force_login(admin.user)
    client.post("/me/delete/", {"confirm": "on"})
    admin.refresh_from_db()
    assert admin.forgotten_at is not None


def test_shared_records_stay_and_meetup_places_are_given_up(client):
    from exchanges.models import ExchangeState
    from meetups.models import RSVP, CellMembership
    from tests.exchanges.factories import make_exchange
    from tests.meetups.factories import make_cell, make_meetup

    leaving, other, waiting = make_member("Leaving"), make_member("Other"), make_member("Waiting")
    exchange = make_exchange(other, leaving, state=ExchangeState.ACTIVE)
    cell = make_cell("Leeds", members=[leaving, other])
    meetup = make_meetup(cell, capacity=1)
    services.reply_to_meetup(meetup, leaving, RSVP.Status.GOING)
    services.reply_to_meetup(meetup, waiting, RSVP.Status.GOING)
    assert RSVP.objects.get(member=waiting).status == RSVP.Status.WAITING

    client.force_login(leaving.user)
    data = json.loads(client.get("/me/data.json").content)
    assert data["exchanges"][0]["title"] == exchange.title
    assert data["cells"][0]["cell"] == "Leeds"
    assert data["rsvps"][0]["answer"] == "going"

    client.post("/me/delete/", {"confirm": "on"})
    exchange.refresh_from_db()
    assert str(exchange.helper) == "a former member", "the exchange keeps its record"
    assert not CellMembership.objects.filter(member=leaving).exists()
    assert RSVP.objects.get(member=waiting).status == RSVP.Status.GOING, "the next one is in"
