"""The network's iCalendar feed is cached (it is big at scale), yet shows every change at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from meetups.models import Cell
from tests.meetups.factories import make_cell, make_meetup

pytestmark = pytest.mark.django_db


def summaries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return sorted(str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT"))


def test_second_download_comes_from_the_cache_in_one_query(client):
    make_meetup(make_cell("Bristol"), title="Bristol meetup")
    first = client.get("/meetups/calendar.ics")
    # Only the version query: newest change and number of meetups.
    with CaptureQueriesContext(connection) as second:
        client.get("/meetups/calendar.ics")
    assert len(second.captured_queries) == 1
    assert client.get("/meetups/calendar.ics").content == first.content


def test_a_change_a_new_meetup_and_a_cancellation_show_at_once(client):
    cell = make_cell("Leeds")
    meetup = make_meetup(cell, title="Leeds meetup")
    assert summaries(client.get("/meetups/calendar.ics")) == ["Leeds meetup"]
    meetup.title = "Leeds meetup, new room"
    meetup.save()
    assert summaries(client.get("/meetups/calendar.ics")) == ["Leeds meetup, new room"]
    make_meetup(None, title="National gathering")
    assert summaries(client.get("/meetups/calendar.ics")) == [
        "Leeds meetup, new room",
        "National gathering",
    ]
    meetup.delete()
    assert summaries(client.get("/meetups/calendar.ics")) == ["National gathering"]


def test_a_cell_made_active_brings_its_meetups_in(client):
    cell = make_cell("Hull", status=Cell.Status.PROPOSED)
    make_meetup(cell, title="Hull meetup")
    assert summaries(client.get("/meetups/calendar.ics")) == []
    Cell.objects.filter(pk=cell.pk).update(status=Cell.Status.ACTIVE)
    assert summaries(client.get("/meetups/calendar.ics")) == ["Hull meetup"]
