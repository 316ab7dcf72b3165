"""One access helper per object type: 404 for those who may not see it, 403 for those who
may see it but not change it."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from meetups.models import Cell, FounderTerm, Meetup, ShoutOut


def get_cell_for(request, slug, *, manage=False, schedule=False):
    """A cell the user may see; with manage/schedule, one they may also run."""
    cell = get_object_or_404(Cell.objects.visible_to(request.user), slug=slug)
    if manage and not cell.can_manage(request.user):
        raise PermissionDenied
    if schedule and not cell.can_schedule(request.user):
        raise PermissionDenied
    return cell


def get_meetup_for(request, pk, *, organise=False):
    """A meetup the user may see; with organise, one they organise (champion, founder, staff)."""
    meetup = get_object_or_404(
        Meetup.objects.visible_to(request.user).select_related("cell", "office_space__coop"),
        pk=pk,
    )
    if organise and not meetup.can_organise(request.user):
        raise PermissionDenied
    return meetup


def get_term_for(request, pk):
    """A founder proposal: only the member who was asked may answer it."""
    term = get_object_or_404(
        FounderTerm.objects.filter(cell__in=Cell.objects.visible_to(request.user)).select_related(
            "cell", "member"
        ),
        pk=pk,
    )
    if term.member.user_id != request.user.pk:
        raise PermissionDenied
    return term


def get_shout_out_for(request, pk, *, delete=False):
    """A shout-out the user may edit (its author) or, with delete, remove (author or staff)."""
    shout_out = get_object_or_404(ShoutOut.objects.select_related("author"), pk=pk)
    allowed = shout_out.can_delete(request.user) if delete else shout_out.can_edit(request.user)
    if not allowed:
        raise PermissionDenied
    return shout_out
