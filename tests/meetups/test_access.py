"""The access helpers: 404 for those who may not see an object, 403 for those who may see
it but not change it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from meetups import services
from meetups.access import (
    get_cell_for_user,
    get_founder_term_for_user,
    get_meetup_for_user,
    get_shout_out_for_user,
)
from meetups.models import Cell
from tests.meetups.factories import make_cell, make_meetup, make_shout_out

pytestmark = pytest.mark.django_db


def test_a_proposed_cell_is_hidden_from_outsiders_and_visible_to_its_proposer(cast):
    make_cell("Secret", status=Cell.Status.PROPOSED, proposed_by=cast.cell_member)
    with pytest.raises(Http404):
        get_cell_for_user(cast.outsider.user, "secret")
    with pytest.raises(Http404):
        get_cell_for_user(AnonymousUser(), "secret")
    assert get_cell_for_user(cast.cell_member.user, "secret").name == "Secret"


def test_the_founder_schedules_but_does_not_run_the_cell(cast):
    user = cast.founder.user
    assert get_cell_for_user(user, "manchester", schedule=True) == cast.cell
    with pytest.raises(PermissionDenied):
        get_cell_for_user(user, "manchester", change=True)
    assert get_cell_for_user(cast.champion.user, "manchester", change=True) == cast.cell


def test_a_meetup_is_changed_by_its_organisers_only(cast):
    meetup = make_meetup(cast.cell)
    assert get_meetup_for_user(cast.cell_member.user, meetup.pk) == meetup
    with pytest.raises(PermissionDenied):
        get_meetup_for_user(cast.cell_member.user, meetup.pk, change=True)
    assert get_meetup_for_user(cast.founder.user, meetup.pk, change=True) == meetup


def test_a_founder_term_is_answered_only_by_the_member_asked(cast):
    term = services.rotate_founder(cast.cell)
    asked, other = (cast.cell_member, cast.champion)
    assert term.member == asked
    assert get_founder_term_for_user(other.user, term.pk) == term
    with pytest.raises(PermissionDenied):
        get_founder_term_for_user(other.user, term.pk, change=True)
    assert get_founder_term_for_user(asked.user, term.pk, change=True) == term
    hidden = services.rotate_founder(
        make_cell("Secret", status=Cell.Status.PROPOSED, members=[cast.outsider])
    )
    with pytest.raises(Http404):
        get_founder_term_for_user(cast.champion.user, hidden.pk)


def test_staff_remove_a_shout_out_but_only_its_author_edits_it(cast):
    shout_out = make_shout_out(cast.cell_member)
    assert get_shout_out_for_user(cast.cell_member.user, shout_out.pk, change=True) == shout_out
    assert get_shout_out_for_user(cast.staff.user, shout_out.pk, delete=True) == shout_out
    with pytest.raises(PermissionDenied):
        get_shout_out_for_user(cast.staff.user, shout_out.pk, change=True)
    with pytest.raises(PermissionDenied):
        get_shout_out_for_user(cast.outsider.user, shout_out.pk, delete=True)
