"""Writing to a listing's author or a suggested profile, through the site."""

import pytest

from listings.messaging import MESSAGES_PER_WINDOW
from tests.factories import give_skills, make_coop, make_member
from tests.listings.factories import make_offer

pytestmark = pytest.mark.django_db

BODY = "Hello! We could help with this next month."


def test_a_message_reaches_the_author_with_the_senders_reply_to(client_as, cast, mailoutbox):
    offer = make_offer(cast.member, title="Django pairing")
    client = client_as(cast.outsider.user)
    form = client.get(f"/listings/{offer.pk}/message/").content.decode()
    assert cast.member.user.email not in form
    response = client.post(f"/listings/{offer.pk}/message/", {"message": BODY}, follow=True)
    assert response.redirect_chain[-1][0] == f"/listings/{offer.pk}/"
    page = response.content.decode()
    assert "on its way to Mo Member" in page
    assert cast.member.user.email not in page
    [mail] = mailoutbox
    assert mail.to == [cast.member.user.email]
    assert mail.reply_to == ["Oz Outsider <outsider@example.org>"]
    assert BODY in mail.body
    assert f"/listings/{offer.pk}/" in mail.body
    assert "Django pairing" in mail.subject


def test_a_message_to_a_coop_goes_to_its_admins(client_as, cast, mailoutbox):
    second_admin = make_member("Second Admin", email="second@example.coop")
    cast.coop.memberships.create(member=second_admin, role="admin")
    client_as(cast.outsider.user).post(
        f"/coops/{cast.coop.slug}/message/?next=/listings/", {"message": BODY, "next": "/"}
    )
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "owner@example.coop",
        "second@example.coop",
    ]
    assert all(mail.reply_to == ["Oz Outsider <outsider@example.org>"] for mail in mailoutbox)


def test_a_message_to_a_member_goes_back_where_it_came_from(client_as, cast, mailoutbox):
    dan = give_skills(make_member("Dan", email="dan@example.org"), offers=["Django"])
    response = client_as(cast.outsider.user).post(
        f"/members/{dan.pk}/message/", {"message": BODY, "next": "/listings/"}
    )
    assert response["Location"] == "/listings/"
    assert mailoutbox[0].to == ["dan@example.org"]
    assert "http://testserver/listings/" in mailoutbox[0].body


def test_next_cannot_send_people_to_another_site(client_as, cast, mailoutbox):
    response = client_as(cast.outsider.user).post(
        f"/members/{cast.member.pk}/message/",
        {"message": BODY, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_you_cannot_write_to_yourself(client_as, cast, mailoutbox):
    offer = make_offer(cast.member)
    response = client_as(cast.member.user).post(f"/listings/{offer.pk}/message/", {"message": BODY})
    assert "cannot write to yourself" in response.content.decode()
    assert mailoutbox == []


def test_a_closed_listings_author_is_not_written_to(client_as, cast, mailoutbox):
    offer = make_offer(cast.member)
    offer.close("fulfilled")
    response = client_as(cast.outsider.user).post(
        f"/listings/{offer.pk}/message/", {"message": BODY}
    )
    assert "no longer looking" in response.content.decode()
    assert mailoutbox == []


def test_an_empty_or_too_long_message_is_refused_beside_the_field(client_as, cast, mailoutbox):
    offer = make_offer(cast.member)
    client = client_as(cast.outsider.user)
    for text in ("", "x" * 2001):
        response = client.post(f"/listings/{offer.pk}/message/", {"message": text})
        assert response.context["form"].errors["message"]
    assert mailoutbox == []


def test_messages_are_rate_limited_per_sender(client_as, cast, mailoutbox):
    offer = make_offer(cast.member)
    client = client_as(cast.outsider.user)
    for _ in range(MESSAGES_PER_WINDOW):
        client.post(f"/listings/{offer.pk}/message/", {"message": BODY})
    assert len(mailoutbox) == MESSAGES_PER_WINDOW
    response = client.post(f"/listings/{offer.pk}/message/", {"message": BODY})
    assert "please wait" in response.content.decode()
    assert len(mailoutbox) == MESSAGES_PER_WINDOW
    # Someone else still can.
    client_as(cast.owner.user).post(f"/listings/{offer.pk}/message/", {"message": BODY})
    assert len(mailoutbox) == MESSAGES_PER_WINDOW + 1


def test_only_approved_coops_and_listed_members_can_be_written_to(client_as, cast):
    pending = make_coop("Pending Co-op", status="pending", admins=[make_member()])
    unlisted = make_member("")
    client = client_as(cast.outsider.user)
    assert client.get(f"/coops/{pending.slug}/message/").status_code == 404
    assert client.get(f"/members/{unlisted.pk}/message/").status_code == 404
