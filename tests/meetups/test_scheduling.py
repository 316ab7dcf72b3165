"""Scheduling the next meetup: defaults from the cadence, and bad input changing nothing."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from meetups import services
from meetups.models import RSVP, Meetup
from tests.meetups.factories import make_meetup

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def form_data(**overrides):
    data = {
        "title": "Manchester meetup",
        "starts_at": "2026-03-10T18:30",
        "ends_at": "2026-03-10T21:00",
        "kind": "mixed",
        "venue": "The Old Co-op Hall",
        "office_space": "",
        "online_link": "",
        "capacity": "",
        "description": "",
        "agenda": "",
    }
    data.update(overrides)
    return data


@time_machine.travel(datetime(2026, 1, 15, 12, tzinfo=LONDON), tick=False)
def test_the_form_is_prefilled_from_the_cadence_and_the_last_venue(cast, client_as):
    make_meetup(
        cast.cell,
        starts_at=datetime(2025, 12, 31, 18, 30, tzinfo=LONDON),
        venue="The Old Co-op Hall",
        status="held",
    )
    cast.cell.cadence_months = 3
    cast.cell.save()
    response = client_as(cast.champion.user).get("/cells/manchester/schedule/")
    form = response.context["form"]
    # Three months after 31 December is the last day of March, at the same UK time
    # although the clocks have gone forward meanwhile (the form shows local time).
    assert form["starts_at"].value() == datetime(2026, 3, 31, 18, 30)  # noqa: DTZ001 the form shows naive local time
    assert form["venue"].value() == "The Old Co-op Hall"
    assert b'value="2026-03-31T18:30"' in response.content


@time_machine.travel(datetime(2026, 1, 15, 12, tzinfo=LONDON), tick=False)
def test_the_cell_page_shows_when_the_next_meetup_is_due(cast, client):
    make_meetup(cast.cell, starts_at=datetime(2026, 1, 5, 18, tzinfo=LONDON), status="held")
    response = client.get("/cells/manchester/")
    assert "due around <strong>5 March 2026</strong>" in response.content.decode()


@time_machine.travel(datetime(2026, 1, 15, 12, tzinfo=LONDON), tick=False)
def test_the_founder_schedules_a_meetup_in_uk_time(cast, client_as):
    response = client_as(cast.founder.user).post("/cells/manchester/schedule/", form_data())
    meetup = Meetup.objects.get()
    assert response.status_code == 302 and response.url == f"/meetups/{meetup.pk}/"
    assert meetup.cell == cast.cell and meetup.created_by == cast.founder
    assert meetup.starts_at == datetime(2026, 3, 10, 18, 30, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ends_at": "2026-03-10T17:00"}, "ends_at", "must end after it starts"),
        (
            {"starts_at": "2026-01-01T18:00", "ends_at": "2026-01-01T20:00"},
            "starts_at",
            "in the past",
        ),
        ({"capacity": "-3"}, "capacity", "greater than or equal to"),
    ],
)
@time_machine.travel(datetime(2026, 1, 15, 12, tzinfo=LONDON), tick=False)
def test_bad_input_is_refused_beside_the_field_and_nothing_is_saved(
    cast, client_as, overrides, field, message
):
    response = client_as(cast.champion.user).post(
        "/cells/manchester/schedule/", form_data(**overrides)
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert b"The Old Co-op Hall" in response.content  # values kept
    assert not Meetup.objects.exists()


def test_capacity_below_the_number_going_is_refused_and_nothing_changes(cast, client_as):
    meetup = make_meetup(cast.cell, capacity=5, venue="Hall")
    for member in (cast.cell_member, cast.founder, cast.outsider):
        services.reply_to_meetup(meetup, member, RSVP.Status.GOING)
    data = form_data(
        starts_at=meetup.starts_at.astimezone(LONDON).strftime("%Y-%m-%dT%H:%M"),
        ends_at=meetup.ends_at.astimezone(LONDON).strftime("%Y-%m-%dT%H:%M"),
        capacity="2",
        title="Renamed",
    )
    response = client_as(cast.champion.user).post(f"/meetups/{meetup.pk}/edit/", data)
    assert response.status_code == 200
    assert "3 people are already going" in " ".join(response.context["form"].errors["capacity"])
    meetup.refresh_from_db()
    assert meetup.capacity == 5 and meetup.title != "Renamed" and meetup.sequence == 0


def test_a_larger_capacity_lets_people_in_from_the_waiting_list(cast):
    meetup = make_meetup(cast.cell, capacity=1)
    services.reply_to_meetup(meetup, cast.cell_member, RSVP.Status.GOING)
    waiting = services.reply_to_meetup(meetup, cast.founder, RSVP.Status.GOING)
    assert waiting.status == RSVP.Status.WAITING
    services.change_meetup(meetup, capacity=2)
    waiting.refresh_from_db()
    assert waiting.status == RSVP.Status.GOING


def test_a_cancelled_meetup_cannot_be_changed_or_replied_to(cast, client_as):
    meetup = make_meetup(cast.cell)
    client = client_as(cast.champion.user)
    assert client.post(f"/meetups/{meetup.pk}/cancel/").status_code == 302
    meetup.refresh_from_db()
    assert meetup.status == Meetup.Status.CANCELLED and meetup.sequence == 1
    client_as(cast.cell_member.user).post(f"/meetups/{meetup.pk}/rsvp/", {"answer": "going"})
    assert not meetup.rsvps.exists()


def test_a_meetup_is_recorded_as_held_only_after_it_has_ended(cast, client_as):
    meetup = make_meetup(cast.cell, starts_at=None)
    client = client_as(cast.champion.user)
    client.post(f"/meetups/{meetup.pk}/held/")
    meetup.refresh_from_db()
    assert meetup.status == Meetup.Status.SCHEDULED
    with time_machine.travel(meetup.ends_at + timedelta(hours=1)):
        client.force_login(cast.champion.user)
        client.post(f"/meetups/{meetup.pk}/held/")
    meetup.refresh_from_db()
    assert meetup.status == Meetup.Status.HELD
    assert cast.cell.open_founder_term().member == cast.cell_member


def test_staff_schedule_a_national_gathering(cast, client_as):
    response = client_as(cast.staff.user).post(
        "/gatherings/new/",
        form_data(starts_at="2030-06-01T10:00", ends_at="2030-06-02T17:00", title="Gathering"),
    )
    assert response.status_code == 302
    assert Meetup.objects.gatherings().get().title == "Gathering"


def test_organisers_e_mail_everyone_who_replied(cast, client_as, mailoutbox):
    meetup = make_meetup(cast.cell)
    services.reply_to_meetup(meetup, cast.cell_member, RSVP.Status.GOING)
    services.reply_to_meetup(meetup, cast.outsider, RSVP.Status.MAYBE)
    services.reply_to_meetup(meetup, cast.staff, RSVP.Status.NOT_GOING)
    client_as(cast.founder.user).post(
        f"/meetups/{meetup.pk}/email/", {"subject": "New room", "message": "We moved upstairs."}
    )
    assert sorted(to for mail in mailoutbox for to in mail.to) == [
        "cell-member@example.coop",
        "outsider@example.org",
    ]
    assert f"/meetups/{meetup.pk}/" in mailoutbox[0].body
