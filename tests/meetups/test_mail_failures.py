"""A mail server that fails: each meetups e-mail logs what it was about, and raises."""

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from meetups import services
from meetups.models import RSVP, FounderTerm, Meetup
from tests.factories import make_member
from tests.meetups.factories import make_cell, make_meetup

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.test_mail.FailingBackend"}}


def logged(caplog, logger):
    records = [r for r in caplog.records if r.name == logger]
    assert records, f"nothing logged by {logger}"
    assert all(r.exc_info[0] is ConnectionRefusedError for r in records)
    return [r.getMessage() for r in records]


def test_an_organisers_message_that_fails_is_logged_with_the_meetup(
    cast, client_as, failing_mail, caplog
):
    meetup = make_meetup(cast.cell)
    services.reply_to_meetup(meetup, cast.cell_member, RSVP.Status.GOING)
    client = client_as(cast.founder.user)
    with caplog.at_level(logging.ERROR), pytest.raises(ConnectionRefusedError):
        client.post(f"/meetups/{meetup.pk}/email/", {"subject": "New room", "message": "Up."})
    assert logged(caplog, "meetups.notifications") == [
        f"Could not send the meetups/emails/attendees e-mail about meetup {meetup.pk}"
    ]


@time_machine.travel(datetime(2026, 6, 1, 9, tzinfo=ZoneInfo("Europe/London")), tick=False)
def test_a_reminder_that_fails_is_logged_and_the_cell_stays_due(cast, failing_mail, caplog):
    with caplog.at_level(logging.ERROR), pytest.raises(ConnectionRefusedError):
        call_command("send_cell_reminders")
    assert logged(caplog, "meetups.notifications") == [
        "Could not send the meetups/emails/cell_quiet e-mail about quiet cell manchester"
    ]
    assert logged(caplog, "meetups.management.commands.send_cell_reminders") == [
        "Could not remind quiet cell manchester; it stays due"
    ]
    cast.cell.refresh_from_db()
    assert cast.cell.quiet_reminded_at is None


def test_a_founder_request_that_fails_is_logged_and_the_meetup_stays_recorded(failing_mail, caplog):
    first, second = make_member("First"), make_member("Second")
    cell = make_cell("Leeds", members=[first, second])
    FounderTerm.objects.create(cell=cell, member=first, status=FounderTerm.Status.SERVING)
    meetup = make_meetup(cell, starts_at=timezone.now() - timedelta(days=5))
    with caplog.at_level(logging.ERROR), pytest.raises(ConnectionRefusedError):
        call_command("record_past_meetups")
    term = FounderTerm.objects.get(cell=cell, status=FounderTerm.Status.PROPOSED)
    assert logged(caplog, "meetups.notifications") == [
        f"Could not send the meetups/emails/founder_asked e-mail about founder term {term.pk} "
        "of cell leeds"
    ]
    assert logged(caplog, "meetups.management.commands.record_past_meetups") == [
        f"Recorded meetup {meetup.pk} as held but could not e-mail the founder asked"
    ]
    meetup.refresh_from_db()
    assert meetup.status == Meetup.Status.HELD
