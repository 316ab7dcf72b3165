"""The meetups workflow functions: the checks they make and the locks that serialise them."""

import threading
import time

import pytest
from django.db import connection

from meetups import services
from meetups.models import Cell, CellMembership, FounderTerm, RotationError
from tests.meetups.factories import make_cell, make_members

pytestmark = pytest.mark.django_db


def test_proposing_a_cell_gives_it_a_slug_of_its_own_and_leaves_it_waiting(cast):
    first = services.propose_cell(Cell(name="Bristol", region="South West"), cast.outsider)
    second = services.propose_cell(Cell(name="Bristol", region="South West"), cast.staff)
    assert (first.slug, second.slug) == ("bristol", "bristol-2")
    second.refresh_from_db()
    assert second.status == Cell.Status.PROPOSED and second.proposed_by == cast.staff


def test_only_proposals_are_approved(cast):
    proposal = make_cell("Proposal", status=Cell.Status.PROPOSED)
    assert services.approve_cells(Cell.objects.all()) == 1
    proposal.refresh_from_db()
    assert proposal.status == Cell.Status.ACTIVE


def test_nobody_joins_a_cell_still_waiting_for_the_steering_group(cast):
    proposal = make_cell("Proposal", status=Cell.Status.PROPOSED)
    with pytest.raises(RotationError, match="still waiting"):
        services.join_cell(proposal, cast.outsider)
    assert not CellMembership.objects.filter(cell=proposal).exists()


def test_leaving_a_cell_one_is_not_in_is_refused(cast):
    with pytest.raises(RotationError, match="not a member"):
        services.leave_cell(cast.cell, cast.outsider)


def test_a_reminder_claimed_by_another_run_meanwhile_is_not_sent_again(cast):
    now = cast.cell.created_at
    cell = services.cells_due_a_quiet_reminder(now).get(pk=cast.cell.pk)
    Cell.objects.filter(pk=cell.pk).update(quiet_reminded_at=now)  # the other run
    sent = []
    assert services.remind_quiet_cell(cell, now, lambda: sent.append(cell)) is False
    assert sent == []


def test_a_failing_reminder_leaves_the_cell_due(cast):
    now = cast.cell.created_at
    cell = services.cells_due_a_quiet_reminder(now).get(pk=cast.cell.pk)

    def fail():
        raise ConnectionError("mail server down")

    with pytest.raises(ConnectionError):
        services.remind_quiet_cell(cell, now, fail)
    cast.cell.refresh_from_db()
    assert cast.cell.quiet_reminded_at is None
    assert services.remind_quiet_cell(cell, now, lambda: None) is True
    cast.cell.refresh_from_db()
    assert cast.cell.quiet_reminded_at == now


def test_reminders_go_to_active_champions_and_the_serving_founder_only(cast):
    cast.champion.user.is_active = False
    cast.champion.user.save()
    cell = services.cells_due_a_quiet_reminder(cast.cell.created_at).get(pk=cast.cell.pk)
    assert services.quiet_reminder_recipients(cell) == ["founder@example.coop"]


@pytest.mark.django_db(transaction=True)
def test_two_champions_rotating_at_once_ask_one_founder(monkeypatch):
    """Without the lock on the cell both would read the serving term, close it and ask
    someone: one would fail on the database's one-open-term constraint instead of getting
    the rotation's message (on PostgreSQL; SQLite runs one writer at a time anyway).
    Choosing the next in line is slowed to widen the window."""
    choose = Cell.next_in_line

    def slowly(cell):
        time.sleep(0.3)
        return choose(cell)

    monkeypatch.setattr(Cell, "next_in_line", slowly)
    members = make_members(3)
    cell = make_cell(members=members)
    FounderTerm.objects.create(cell=cell, member=members[0], status=FounderTerm.Status.SERVING)
    barrier = threading.Barrier(2)
    errors, proposed = [], []

    def rotate():
        try:
            barrier.wait(timeout=10)
            proposed.append(services.rotate_founder(Cell.objects.get(pk=cell.pk)))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=rotate) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(proposed) == 1
    assert [type(error) for error in errors] == [RotationError]
    assert cell.founder_terms.filter(status__in=FounderTerm.OPEN).count() == 1
