"""The daily command that records past meetups as held and rotates founders."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from meetups.models import FounderTerm, Meetup
from tests.factories import make_member
from tests.meetups.factories import make_cell, make_meetup

pytestmark = pytest.mark.django_db


def test_it_records_meetups_past_the_grace_period_and_asks_the_next_founder(mailoutbox):
    first, second = make_member("First"), make_member("Second")
    cell = make_cell("Leeds", members=[first, second])
    FounderTerm.objects.create(cell=cell, member=first, status=FounderTerm.Status.SERVING)
    old = make_meetup(cell, starts_at=timezone.now() - timedelta(days=5))
    recent = make_meetup(cell, starts_at=timezone.now() - timedelta(hours=5), hours=1)
    cancelled = make_meetup(
        cell, starts_at=timezone.now() - timedelta(days=9), status=Meetup.Status.CANCELLED
    )

    call_command("record_past_meetups", "--dry-run")
    old.refresh_from_db()
    assert old.status == Meetup.Status.SCHEDULED and not mailoutbox

    call_command("record_past_meetups")
    for meetup in (old, recent, cancelled):
        meetup.refresh_from_db()
    assert old.status == Meetup.Status.HELD
    assert recent.status == Meetup.Status.SCHEDULED, "organisers still have time"
    assert cancelled.status == Meetup.Status.CANCELLED
    proposed = FounderTerm.objects.get(cell=cell, status=FounderTerm.Status.PROPOSED)
    assert proposed.member == second
    assert mailoutbox[0].to == [second.user.email]
    assert "/cells/leeds/" in mailoutbox[0].body

    call_command("record_past_meetups")
    assert FounderTerm.objects.filter(cell=cell, status=FounderTerm.Status.PROPOSED).count() == 1
