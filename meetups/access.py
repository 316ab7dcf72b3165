"""
One access helper per object type, `get_<thing>_for_user(user, key, *, change=False)`: 404 for
those who may not see it, 403 (PermissionDenied) for those who may see it but not change it.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from meetups.models import Cell, FounderTerm, Meetup, ShoutOut


def get_cell_for_user(user, slug, *, change=False, schedule=False):
    """
    A cell the user may see (active, or their own proposal, or any for staff). With change,
    one they run (champions, staff); with schedule, one whose meetups they schedule
    (champions, the serving founder, staff).
    """
    cell = get_object_or_404(Cell.objects.visible_to(user), slug=slug)
    if change and not cell.can_manage(user):
        raise PermissionDenied
    if schedule and not cell.can_schedule(user):
        raise PermissionDenied
    return cell


def get_meetup_for_user(user, pk, *, change=False):
    """A meetup the user may see; with change, one they organise (champion, founder, staff)."""
    meetup = get_object_or_404(
        Meetup.objects.visible_to(user).select_related("cell", "office_space__coop"), pk=pk
    )
    if change and not meetup.can_organise(user):
        raise PermissionDenied
    return meetup


def get_founder_term_for_user(user, pk, *, change=False):
    """A founder term of a cell the user may see; with change (answering it), only the
    member who was asked."""
    term = get_object_or_404(
        FounderTerm.objects.filter(cell__in=Cell.objects.visible_to(user)).select_related(
            "cell", "member"
        ),
        pk=pk,
    )
    if change and term.member.user_id != user.pk:
        raise PermissionDenied
    return term


def get_shout_out_for_user(user, pk, *, change=False, delete=False):
    """
    A shout-out (everyone sees them); with change, one the user may edit (its author), with
    delete, one they may remove (its author, or staff).
    """
    shout_out = get_object_or_404(ShoutOut.objects.select_related("author"), pk=pk)
    if change and not shout_out.can_edit(user):
        raise PermissionDenied
    if delete and not shout_out.can_delete(user):
        raise PermissionDenied
    return shout_out
