"""Cells going quiet: detection, the champions' banner, staff's list and the reminders."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from meetups.models import Cell
from tests.helpers import count_queries
from tests.meetups.factories import make_cell, make_meetup

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 6, 1, 9, tzinfo=LONDON)


@time_machine.travel(NOW, tick=False)
def test_a_cell_with_no_meetup_for_three_months_and_none_scheduled_is_quiet(cast):
    lively = make_cell("Lively")
    make_meetup(lively, starts_at=NOW - timedelta(days=60), status="held")
    planned = make_cell("Planned")
    make_meetup(planned, starts_at=NOW - timedelta(days=200), status="held")
    make_meetup(planned, starts_at=NOW + timedelta(days=10))
    cancelled = make_cell("Cancelled")
    make_meetup(cancelled, starts_at=NOW + timedelta(days=10), status="cancelled")
    old = make_cell("Old")
    make_meetup(old, starts_at=NOW - timedelta(days=100), status="held")
    make_cell("Proposal", status=Cell.Status.PROPOSED)
    assert set(Cell.objects.quiet().values_list("name", flat=True)) == {
        "Manchester",
        "Cancelled",
        "Old",
    }


@time_machine.travel(NOW, tick=False)
def test_champions_see_a_banner_and_staff_see_the_list(cast, client_as):
    page = client_as(cast.champion.user).get("/shout-outs/").content.decode()
    assert "Manchester has had no meetup for three months" in page
    assert (
        "no meetup for three months"
        not in client_as(cast.cell_member.user).get("/shout-outs/").content.decode()
    )
    response = client_as(cast.staff.user).get("/steering/quiet-cells/")
    assert [cell.name for cell in response.context["cells"]] == ["Manchester"]
    make_meetup(cast.cell)
    page = client_as(cast.champion.user).get("/shout-outs/").content.decode()
    assert "no meetup for three months" not in page


@time_machine.travel(NOW, tick=False)
def test_the_banner_costs_one_query_whatever_the_number_of_cells(cast, client_as):
    client = client_as(cast.champion.user)
    client.get("/about/")  # the first visit creates the About page's default text
    before = count_queries(client, "/about/")
    for number in range(10):
        make_cell(f"Quiet {number}", champions=[cast.champion])
    assert count_queries(client, "/about/") == before
    assert client.get("/about/").content.decode().count("has had no meetup") == 11


def test_reminders_go_to_champions_and_the_founder_once_per_quiet_spell(cast, mailoutbox, capsys):
    with time_machine.travel(NOW, tick=False):
        call_command("send_cell_reminders", "--dry-run")
        assert "Manchester: would e-mail champion@example.coop, founder@example.coop" in (
            capsys.readouterr().out
        )
        assert mailoutbox == []
        call_command("send_cell_reminders")
        # One message each, so neither sees the other's address.
        assert sorted(mail.to[0] for mail in mailoutbox) == [
            "champion@example.coop",
            "founder@example.coop",
        ]
        assert all(len(mail.to) == 1 for mail in mailoutbox)
        assert "/cells/manchester/" in mailoutbox[0].body
        call_command("send_cell_reminders")
        assert len(mailoutbox) == 2
    cast.cell.refresh_from_db()
    assert cast.cell.quiet_reminded_at == NOW
    # A meetup ends the spell; three months after it the cell goes quiet again.
    make_meetup(cast.cell, starts_at=NOW + timedelta(days=7), status="held")
    with time_machine.travel(NOW + timedelta(days=60), tick=False):
        call_command("send_cell_reminders")
        assert len(mailoutbox) == 2
    with time_machine.travel(NOW + timedelta(days=120), tick=False):
        call_command("send_cell_reminders")
        assert len(mailoutbox) == 4
