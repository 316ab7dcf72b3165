"""iCalendar feeds parsed back with the icalendar library."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from meetups import services
from meetups.models import Cell
from tests.meetups.factories import make_cell, make_meetup

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_times_are_right_either_side_of_a_daylight_saving_change(client):
    cell = make_cell("Leeds")
    # The clocks go forward on 29 March 2026: 18:00 is 18:00 UTC before, 17:00 UTC after.
    winter = make_meetup(cell, starts_at=datetime(2026, 3, 28, 18, tzinfo=LONDON), hours=2)
    summer = make_meetup(cell, starts_at=datetime(2026, 3, 30, 18, tzinfo=LONDON), hours=2)
    found = events(client.get("/cells/leeds/calendar.ics"))
    start_winter = found[winter.uid].decoded("dtstart")
    start_summer = found[summer.uid].decoded("dtstart")
    assert start_winter.astimezone(UTC) == datetime(2026, 3, 28, 18, tzinfo=UTC)
    assert start_summer.astimezone(UTC) == datetime(2026, 3, 30, 17, tzinfo=UTC)
    assert start_summer.tzinfo is not None and start_summer.hour == 18
    assert found[summer.uid].decoded("dtend") - start_summer == timedelta(hours=2)
    assert b"BEGIN:VTIMEZONE" in client.get("/cells/leeds/calendar.ics").content


def test_uids_are_stable_and_a_change_raises_the_sequence(client):
    meetup = make_meetup(make_cell("York"), title="Before")
    before = events(client.get(f"/meetups/{meetup.pk}/calendar.ics"))[meetup.uid]
    services.change_meetup(meetup, title="After")
    after = events(client.get(f"/meetups/{meetup.pk}/calendar.ics"))
    assert list(after) == [meetup.uid]
    assert str(after[meetup.uid]["summary"]) == "After"
    assert after[meetup.uid]["sequence"] > before["sequence"]


def test_a_cancelled_meetup_stays_in_the_feed_as_cancelled(client):
    meetup = make_meetup(make_cell("Hull"))
    services.cancel_meetup(meetup)
    found = events(client.get("/cells/hull/calendar.ics"))
    assert str(found[meetup.uid]["status"]) == "CANCELLED"


def test_the_network_feed_has_every_cells_meetups_and_gatherings_but_no_proposals(client):
    cell_meetup = make_meetup(make_cell("Bristol"))
    gathering = make_meetup(None, title="National gathering")
    proposal = make_meetup(make_cell("Secret", status=Cell.Status.PROPOSED))
    found = events(client.get("/meetups/calendar.ics"))
    assert set(found) == {cell_meetup.uid, gathering.uid}
    assert proposal.uid not in found
    assert str(found[gathering.uid]["url"]).endswith(f"/meetups/{gathering.pk}/")


def test_the_network_feed_leaves_out_meetups_long_past(client):
    """Calendar apps keep what they have read: the feed has the recent past and the future."""
    now = datetime.now(UTC)
    recent = make_meetup(make_cell("Leeds"), starts_at=now - timedelta(days=30))
    long_ago = make_meetup(make_cell("York"), starts_at=now - timedelta(days=200))
    found = events(client.get("/meetups/calendar.ics"))
    assert recent.uid in found
    assert long_ago.uid not in found
    # A cell's own feed keeps its whole history: a few meetups a year.
    assert long_ago.uid in events(client.get("/cells/york/calendar.ics"))
