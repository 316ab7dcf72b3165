"""Founders rotate fairly: longest without being founder first, passes, members leaving."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from meetups import services
from meetups.models import FounderTerm, RotationError
from tests.factories import make_member
from tests.meetups.factories import make_cell, make_meetup, make_members

pytestmark = pytest.mark.django_db


def serve(cell, expected):
    """Rotate, check who is asked, and have them accept; returns the term."""
    term = services.rotate_founder(cell)
    assert term.member == expected
    return services.accept_founder_term(term, expected)


def test_it_rotates_through_members_longest_without_being_founder_first():
    a, b, c = make_members(3)
    cell = make_cell(members=[a, b, c])
    order = []
    start = timezone.now()
    for day in range(6):
        with time_machine.travel(start + timedelta(days=day), tick=False):
            term = services.rotate_founder(cell)
            services.accept_founder_term(term, term.member)
            order.append(term.member)
    assert order == [a, b, c, a, b, c]
    terms = cell.founder_terms.order_by("proposed_at", "pk")
    assert [t.status for t in terms] == ["served"] * 5 + ["serving"]
    assert all(t.started_on and t.ended_on for t in terms[:5])


def test_a_pass_asks_the_next_in_line_and_passers_wait_for_the_next_round():
    a, b, c = make_members(3)
    cell = make_cell(members=[a, b, c])
    serve(cell, a)
    proposed = services.rotate_founder(cell)
    assert proposed.member == b
    next_term = services.pass_founder_term(proposed, b)
    assert next_term.member == c
    proposed.refresh_from_db()
    assert proposed.status == FounderTerm.Status.PASSED and proposed.ended_on
    services.accept_founder_term(next_term, c)
    # B passed last round, so has still gone longest without being founder.
    assert services.rotate_founder(cell).member == b


def test_the_same_founder_is_not_asked_twice_in_a_row_while_someone_else_is_available():
    a, b = make_members(2)
    cell = make_cell(members=[a, b])
    serve(cell, a)
    proposed = services.rotate_founder(cell)
    assert proposed.member == b
    # B passes: nobody else is left in this round but A, who may then be asked again.
    assert services.pass_founder_term(proposed, b).member == a


def test_when_everyone_passes_nobody_is_asked():
    (a,) = make_members(1)
    cell = make_cell(members=[a])
    term = services.rotate_founder(cell)
    assert services.pass_founder_term(term, a) is None
    assert not cell.founder_terms.filter(status__in=FounderTerm.OPEN).exists()


def test_a_rotation_to_someone_who_is_not_a_member_is_refused_and_changes_nothing():
    a, b = make_members(2)
    cell = make_cell(members=[a, b])
    serve(cell, a)
    stranger = make_member("Stranger")
    with pytest.raises(RotationError, match="not a member"):
        services.rotate_founder(cell, to=stranger)
    cell.refresh_from_db()
    assert cell.open_founder_term().member == a
    assert cell.open_founder_term().status == FounderTerm.Status.SERVING


def test_a_champion_can_choose_a_member_instead_of_an_unanswered_proposal():
    a, b, c = make_members(3)
    cell = make_cell(members=[a, b, c])
    services.rotate_founder(cell)  # A asked
    with pytest.raises(RotationError, match="not answered"):
        services.rotate_founder(cell)
    term = services.rotate_founder(cell, to=c)
    assert term.member == c
    assert cell.founder_terms.get(member=a).status == FounderTerm.Status.PASSED


def test_only_the_member_asked_can_answer_and_only_once():
    a, b = make_members(2)
    cell = make_cell(members=[a, b])
    term = services.rotate_founder(cell)
    with pytest.raises(RotationError, match="Only the member"):
        services.accept_founder_term(term, b)
    services.accept_founder_term(term, a)
    with pytest.raises(RotationError, match="already been answered"):
        services.pass_founder_term(term, a)


def test_a_founder_who_leaves_hands_on_and_a_proposed_one_who_leaves_passes():
    a, b, c = make_members(3)
    cell = make_cell(members=[a, b, c])
    serve(cell, a)
    proposed = services.leave_cell(cell, a)
    assert proposed.member == b
    assert cell.founder_terms.get(member=a).status == FounderTerm.Status.SERVED
    proposed = services.leave_cell(cell, b)
    assert proposed.member == c
    assert cell.founder_terms.get(member=b).status == FounderTerm.Status.PASSED
    assert list(cell.members.all()) == [c]


def test_recording_a_meetup_as_held_rotates_the_founder():
    a, b = make_members(2)
    cell = make_cell(members=[a, b])
    serve(cell, a)
    meetup = make_meetup(cell, starts_at=timezone.now() - timedelta(hours=5))
    term = services.record_meetup_held(meetup)
    meetup.refresh_from_db()
    assert meetup.status == "held"
    assert term.member == b and term.status == FounderTerm.Status.PROPOSED


def test_history_over_several_meetups_with_passes_and_leavers():
    a, b, c, d = make_members(4)
    cell = make_cell(members=[a, b, c, d])
    start = timezone.now() - timedelta(days=400)
    history = []
    for number in range(5):
        moment = start + timedelta(days=60 * number)
        with time_machine.travel(moment, tick=False):
            services.record_meetup_held(make_meetup(cell, starts_at=moment - timedelta(hours=4)))
            term = cell.open_founder_term()
            if number == 1:  # B passes, C is asked instead
                assert term.member == b
                term = services.pass_founder_term(term, term.member)
            if number == 2:  # B, asked again, leaves the cell: D is asked instead
                assert term.member == b
                services.leave_cell(cell, b)
                term = cell.open_founder_term()
            services.accept_founder_term(term, term.member)
            history.append(term.member)
    # Then A, who served longest ago, and C.
    assert history == [a, c, d, a, c]
    assert cell.founder_terms.filter(status=FounderTerm.Status.PASSED).count() == 2
    assert cell.founder_terms.filter(status=FounderTerm.Status.SERVED).count() == 4
