"""Cells: the list by region, a cell's page, joining and leaving, editing, founder rotation."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.caching import cached_for_visitors
from core.steps import refuse
from meetups import services
from meetups.access import get_cell_for_user, get_founder_term_for_user
from meetups.calendars import calendar_response, feed_meetups
from meetups.forms import CellForm, CellProposalForm, RotateForm
from meetups.models import RSVP, Cell, FounderTerm, Meetup, RotationError, ShoutOut
from meetups.notifications import tell_proposed_founder
from profiles.models import Member


@cached_for_visitors
def cell_list(request):
    """Cells grouped by region, each with its next meetup, size, champions and founder."""
    now = timezone.now()
    cells = (
        Cell.objects.active()
        .annotate(member_count=Count("memberships", distinct=True))
        .prefetch_related(
            Prefetch("champions", queryset=Member.objects.order_by("display_name")),
            Prefetch(
                "founder_terms",
                queryset=FounderTerm.objects.filter(status__in=FounderTerm.OPEN).select_related(
                    "member"
                ),
                to_attr="open_terms",
            ),
            Prefetch(
                "meetups",
                queryset=Meetup.objects.filter(
                    ends_at__gte=now, status=Meetup.Status.SCHEDULED
                ).order_by("starts_at"),
                to_attr="upcoming_meetups",
            ),
        )
        .order_by("region", "name")
    )
    regions = [(region, list(group)) for region, group in groupby(cells, key=lambda c: c.region)]
    suggested = None
    if request.user.is_authenticated:
        region = Member.objects.filter(user=request.user).values_list("region", flat=True).first()
        if region:
            suggested = next(
                (c for _, group in regions for c in group if c.region.lower() == region.lower()),
                None,
            )
    return render(request, "meetups/cell_list.html", {"regions": regions, "suggested": suggested})


PAST_MEETUPS_SHOWN = 12


@cached_for_visitors
def cell_detail(request, slug):
    """A cell's page: what it is for, who is in it, founders, meetups and shout-outs."""
    cell = get_cell_for_user(request.user, slug)
    user = request.user
    now = timezone.now()
    memberships = list(cell.memberships.select_related("member").order_by("joined_at", "pk"))
    terms = list(cell.founder_terms.select_related("member").order_by("-proposed_at", "-pk"))
    open_term = next((t for t in terms if t.status in FounderTerm.OPEN), None)
    meetups = list(
        cell.meetups.select_related("cell")
        .annotate(
            going=Count("rsvps", filter=Q(rsvps__status=RSVP.Status.GOING)),
        )
        .order_by("starts_at", "pk")
    )
    upcoming = [m for m in meetups if m.ends_at >= now]
    past = [m for m in reversed(meetups) if m.ends_at < now][:PAST_MEETUPS_SHOWN]
    held = [m for m in meetups if m.status != Meetup.Status.CANCELLED]
    last = max((m.starts_at for m in held if m.starts_at <= now), default=None)
    has_next = any(m.status == Meetup.Status.SCHEDULED for m in upcoming)
    champions = list(cell.champions.order_by("display_name", "pk"))
    is_champion = user.is_authenticated and any(c.user_id == user.pk for c in champions)
    is_member = user.is_authenticated and any(m.member.user_id == user.pk for m in memberships)
    is_founder = (
        open_term is not None
        and open_term.status == FounderTerm.Status.SERVING
        and open_term.member.user_id == user.pk
    )
    context = {
        "cell": cell,
        "memberships": memberships,
        # Members who have not given a display name are not listed in the directory.
        "listed_members": [m.member for m in memberships if m.member.display_name],
        "terms": terms,
        "open_term": open_term,
        "upcoming": upcoming,
        "past": past,
        "next_due": None if has_next else cell.next_meetup_due(last),
        "champions": champions,
        "is_member": is_member,
        "can_manage": user.is_authenticated and (user.is_staff or is_champion),
        "can_schedule": user.is_authenticated and (user.is_staff or is_champion or is_founder),
        "asked_me": open_term
        if open_term
        and open_term.status == FounderTerm.Status.PROPOSED
        and open_term.member.user_id == user.pk
        else None,
        "shout_outs": ShoutOut.objects.current().filter(cell=cell).select_related("author", "cell"),
    }
    return render(request, "meetups/cell_detail.html", context)


@login_required
def cell_propose(request):
    """A member proposes a cell; the steering group approves it in the admin."""
    form = CellProposalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        cell = services.propose_cell(form.save(commit=False), request.user.member)
        messages.success(request, "Thank you: the steering group will look at your proposal.")
        return redirect(cell)
    return render(request, "meetups/cell_form.html", {"form": form, "proposing": True})


@login_required
def cell_edit(request, slug):
    cell = get_cell_for_user(request.user, slug, change=True)
    form = CellForm(request.POST if request.method == "POST" else None, instance=cell)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The cell is updated.")
        return redirect(cell)
    return render(request, "meetups/cell_form.html", {"form": form, "cell": cell})


@login_required
@require_POST
def cell_join(request, slug):
    cell = get_cell_for_user(request.user, slug)
    try:
        services.join_cell(cell, request.user.member)
    except RotationError as error:
        refuse(request, error)
    else:
        messages.success(request, f"You are a member of {cell}.")
    return redirect(cell)


@login_required
def cell_leave(request, slug):
    """Leaving asks for confirmation first: a founder leaving hands the role on."""
    cell = get_cell_for_user(request.user, slug)
    if request.method == "POST":
        try:
            proposed = services.leave_cell(cell, request.user.member)
        except RotationError as error:
            refuse(request, error)
        else:
            tell_proposed_founder(request, proposed)
            messages.success(request, f"You have left {cell}.")
        return redirect(cell)
    return render(request, "meetups/cell_leave.html", {"cell": cell})


@login_required
def cell_rotate(request, slug):
    """A champion hands the founder's role on: to the next in line or to a member they choose."""
    cell = get_cell_for_user(request.user, slug, change=True)
    form = RotateForm(request.POST if request.method == "POST" else None, cell=cell)
    if request.method == "POST" and form.is_valid():
        try:
            term = services.rotate_founder(cell, to=form.cleaned_data["to"])
        except RotationError as error:
            refuse(request, error, form)
        else:
            tell_proposed_founder(request, term)
            messages.success(request, f"{term.member} has been asked to be the founder.")
            return redirect(cell)
    return render(
        request,
        "meetups/cell_rotate.html",
        {"cell": cell, "form": form, "next_in_line": cell.next_in_line()},
    )


@login_required
@require_POST
def founder_accept(request, pk):
    term = get_founder_term_for_user(request.user, pk, change=True)
    try:
        services.accept_founder_term(term, request.user.member)
    except RotationError as error:
        refuse(request, error)
    else:
        messages.success(request, f"You are now the founder of {term.cell}: thank you!")
    return redirect(term.cell)


@login_required
@require_POST
def founder_pass(request, pk):
    term = get_founder_term_for_user(request.user, pk, change=True)
    try:
        proposed = services.pass_founder_term(term, request.user.member)
    except RotationError as error:
        refuse(request, error)
    else:
        tell_proposed_founder(request, proposed)
        who = f"{proposed.member} is asked next." if proposed else "Nobody else is available."
        messages.success(request, f"You have passed. {who}")
    return redirect(term.cell)


def cell_calendar(request, slug):
    cell = get_cell_for_user(request.user, slug)
    return calendar_response(
        request,
        feed_meetups(cell.meetups.all()),
        name=f"{cell.name}: CoTech meetups",
        filename=f"{cell.slug}.ics",
    )


@login_required
def quiet_cell_list(request):
    """For the steering group: cells with no meetup in three months and none scheduled."""
    if not request.user.is_staff:
        raise PermissionDenied
    cells = (
        Cell.objects.quiet()
        .with_last_meetup()
        .prefetch_related("champions")
        .order_by("region", "name")
    )
    return render(request, "meetups/quiet_cell_list.html", {"cells": cells})
