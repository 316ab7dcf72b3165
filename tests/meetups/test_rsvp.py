"""Replies: capacity, the waiting list in order, and two people taking the last place at once."""

import threading
from datetime import timedelta

import pytest
from django.db import connection

from meetups import services
from meetups.models import RSVP, Meetup, MeetupError
from tests.factories import make_member
from tests.meetups.factories import make_meetup, make_members

pytestmark = pytest.mark.django_db


def statuses(meetup):
    return dict(meetup.rsvps.values_list("member__display_name", "status"))


def test_going_to_a_full_meetup_puts_people_on_the_waiting_list_in_order():
    a, b, c, d = make_members(4)
    meetup = make_meetup(capacity=2)
    for member in (a, b, c, d):
        services.reply_to_meetup(meetup, member, RSVP.Status.GOING)
    assert [r.member for r in meetup.rsvps.filter(status="waiting").order_by("answered_at")] == [
        c,
        d,
    ]
    services.reply_to_meetup(meetup, a, RSVP.Status.NOT_GOING)
    assert statuses(meetup) == {
        str(a): "not_going",
        str(b): "going",
        str(c): "going",
        str(d): "waiting",
    }
    services.reply_to_meetup(meetup, b, RSVP.Status.MAYBE)
    assert statuses(meetup)[str(d)] == "going"
    assert meetup.going_count() == 2


def test_answering_going_again_keeps_ones_place():
    a, b = make_members(2)
    meetup = make_meetup(capacity=1)
    services.reply_to_meetup(meetup, a, RSVP.Status.GOING)
    services.reply_to_meetup(meetup, b, RSVP.Status.GOING)
    services.reply_to_meetup(meetup, a, RSVP.Status.GOING)
    services.reply_to_meetup(meetup, b, RSVP.Status.GOING)
    assert statuses(meetup) == {str(a): "going", str(b): "waiting"}
    assert RSVP.objects.count() == 2


def test_no_capacity_means_no_waiting_list():
    members = make_members(5)
    meetup = make_meetup()
    for member in members:
        services.reply_to_meetup(meetup, member, RSVP.Status.GOING)
    assert meetup.going_count() == 5


def test_replies_close_when_the_meetup_is_over():
    meetup = make_meetup(starts_at=make_meetup().starts_at - timedelta(days=30))
    with pytest.raises(MeetupError, match="closed"):
        services.reply_to_meetup(meetup, make_member(), RSVP.Status.GOING)


def test_the_waiting_list_shows_on_the_page_to_members_only(client_as):
    a, b = make_members(2)
    meetup = make_meetup(capacity=1)
    client = client_as(a.user)
    client.post(f"/meetups/{meetup.pk}/rsvp/", {"answer": "going"})
    client_as(b.user).post(f"/meetups/{meetup.pk}/rsvp/", {"answer": "going"})
    page = client.get(f"/meetups/{meetup.pk}/").content.decode()
    assert "Waiting list" in page and str(b) in page
    anonymous = client_as(None).get(f"/meetups/{meetup.pk}/").content.decode()
    assert str(a) not in anonymous and "1 going of 1" in anonymous


@pytest.mark.django_db(transaction=True)
def test_two_people_taking_the_last_place_at_once_cannot_both_get_it():
    """Each thread has its own connection; the lock on the meetup row serialises them."""
    first, second, already = make_members(3)
    meetup = make_meetup(capacity=2)
    services.reply_to_meetup(meetup, already, RSVP.Status.GOING)
    barrier = threading.Barrier(2)
    errors = []

    def take_the_last_place(member):
        try:
            barrier.wait(timeout=10)
            services.reply_to_meetup(Meetup.objects.get(pk=meetup.pk), member, RSVP.Status.GOING)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take_the_last_place, args=(m,)) for m in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert meetup.going_count() == 2
    assert sorted(meetup.rsvps.values_list("status", flat=True)) == [
        "going",
        "going",
        "waiting",
    ]
