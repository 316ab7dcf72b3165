"""Meetups and national gatherings: scheduling, changes, replies, calendars, notes to attendees."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.steps import refuse
from meetups import services
from meetups.access import get_cell_for_user, get_meetup_for_user
from meetups.calendars import cached_calendar_response, calendar_response
from meetups.forms import EmailAttendeesForm, MeetupForm, RSVPForm
from meetups.models import RSVP, Cell, Meetup, MeetupError
from meetups.models.cells import add_months
from meetups.notifications import tell_attendees, tell_proposed_founder
from profiles.models import Member


def schedule_initial(cell):
    """The cadence after the last meetup, same time and venue; tomorrow if that has passed."""
    last = (
        cell.meetups.exclude(status=Meetup.Status.CANCELLED).order_by("-starts_at", "-pk").first()
    )
    if last is None:
        return {"title": f"{cell.name} meetup"}
    starts_at = add_months(last.starts_at, cell.cadence_months)
    now = timezone.now()
    while starts_at < now:
        starts_at = add_months(starts_at, cell.cadence_months)
    return {
        "title": last.title,
        "starts_at": timezone.localtime(starts_at),
        "ends_at": timezone.localtime(starts_at + (last.ends_at - last.starts_at)),
        "kind": last.kind,
        "venue": last.venue,
        "office_space": last.office_space_id,
        "online_link": last.online_link,
        "capacity": last.capacity,
    }


def _schedule(request, cell, form, template_context):
    if request.method == "POST" and form.is_valid():
        try:
            meetup = services.schedule_meetup(cell, request.user.member, **form.meetup_fields())
        except MeetupError as error:
            refuse(request, error, form)
        else:
            messages.success(request, "The meetup is scheduled.")
            return redirect(meetup)
    return render(request, "meetups/meetup_form.html", {"form": form, **template_context})


@login_required
def meetup_schedule(request, slug):
    """ "Schedule the next meetup", pre-filled from the cell's cadence and its last meetup."""
    cell = get_cell_for_user(request.user, slug, schedule=True)
    form = MeetupForm(
        request.POST if request.method == "POST" else None, initial=schedule_initial(cell)
    )
    return _schedule(request, cell, form, {"cell": cell})


@login_required
def gathering_schedule(request):
    """The steering group schedules a national gathering (a meetup with no cell)."""
    if not request.user.is_staff:
        raise PermissionDenied
    form = MeetupForm(
        request.POST if request.method == "POST" else None,
        initial={"title": "CoTech national gathering"},
    )
    return _schedule(request, None, form, {"gathering": True})


def meetup_detail(request, pk):
    """A meetup; signed-in members see who replied, organisers can change it."""
    meetup = get_meetup_for_user(request.user, pk)
    user = request.user
    rsvps = []
    mine = None
    if user.is_authenticated:
        rsvps = list(meetup.rsvps.select_related("member").order_by("answered_at", "pk"))
        mine = next((r for r in rsvps if r.member.user_id == user.pk), None)
    going = sum(1 for r in rsvps if r.status == RSVP.Status.GOING)
    context = {
        "meetup": meetup,
        "rsvps": rsvps,
        "going": [r for r in rsvps if r.status == RSVP.Status.GOING],
        "maybe": [r for r in rsvps if r.status == RSVP.Status.MAYBE],
        "waiting": [r for r in rsvps if r.status == RSVP.Status.WAITING],
        "going_count": going if user.is_authenticated else meetup.going_count(),
        "mine": mine,
        "can_organise": meetup.can_organise(user),
        "rsvp_form": RSVPForm(initial={"answer": mine.status if mine else "going"}),
        "open_for_replies": meetup.status == Meetup.Status.SCHEDULED and not meetup.has_ended,
    }
    if meetup.is_gathering:
        context["cells"] = Cell.objects.active().prefetch_related("champions")
    return render(request, "meetups/meetup_detail.html", context)


@login_required
def meetup_edit(request, pk):
    meetup = get_meetup_for_user(request.user, pk, change=True)
    form = MeetupForm(request.POST if request.method == "POST" else None, instance=meetup)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_meetup(meetup, **form.meetup_fields())
        except MeetupError as error:
            refuse(request, error, form)
        else:
            messages.success(request, "The meetup is updated.")
            return redirect(meetup)
    return render(request, "meetups/meetup_form.html", {"form": form, "meetup": meetup})


@login_required
def meetup_cancel(request, pk):
    """Cancelling asks for confirmation; the meetup stays in calendars, marked cancelled."""
    meetup = get_meetup_for_user(request.user, pk, change=True)
    if request.method == "POST":
        try:
            services.cancel_meetup(meetup)
        except MeetupError as error:
            refuse(request, error)
        else:
            messages.success(request, "The meetup is cancelled.")
        return redirect(meetup)
    return render(request, "meetups/meetup_cancel.html", {"meetup": meetup})


@login_required
@require_POST
def meetup_record_held(request, pk):
    """After the meetup: record that it took place, which asks the next founder."""
    meetup = get_meetup_for_user(request.user, pk, change=True)
    try:
        term = services.record_meetup_held(meetup)
    except MeetupError as error:
        refuse(request, error)
    else:
        tell_proposed_founder(request, term)
        who = f" {term.member} has been asked to be the next founder." if term else ""
        messages.success(request, f"Recorded that the meetup took place.{who}")
    return redirect(meetup.cell or meetup)


@login_required
@require_POST
def meetup_rsvp(request, pk):
    meetup = get_meetup_for_user(request.user, pk)
    form = RSVPForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose going, maybe or not going.")
        return redirect(meetup)
    try:
        rsvp = services.reply_to_meetup(meetup, request.user.member, form.cleaned_data["answer"])
    except MeetupError as error:
        refuse(request, error)
    else:
        if rsvp.status == RSVP.Status.WAITING:
            messages.warning(request, "The meetup is full: you are on the waiting list.")
        else:
            messages.success(request, f"Your reply: {rsvp.get_status_display()}.")
    return redirect(meetup)


@login_required
def meetup_email(request, pk):
    """Organisers e-mail everyone who replied going, maybe or waiting about a change."""
    meetup = get_meetup_for_user(request.user, pk, change=True)
    form = EmailAttendeesForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        sent = tell_attendees(
            request, meetup, form.cleaned_data["subject"], form.cleaned_data["message"]
        )
        messages.success(request, f"Your message went to {sent} people.")
        return redirect(meetup)
    return render(request, "meetups/meetup_email.html", {"form": form, "meetup": meetup})


def meetup_calendar(request, pk):
    meetup = get_meetup_for_user(request.user, pk)
    return calendar_response(
        request, [meetup], name=meetup.title, filename=f"meetup-{meetup.pk}.ics"
    )


# Calendar apps keep the events they have already read: the network's feed carries
# the recent past and everything ahead, not every meetup since the network began
# (at a hundred times the network's size, that was 12 MB on every refresh).
NETWORK_FEED_PAST_DAYS = 90


def all_calendar(request):
    """The network's meetups and national gatherings, in one feed (cached: it is big)."""
    since = timezone.now() - timedelta(days=NETWORK_FEED_PAST_DAYS)
    meetups = Meetup.objects.filter(
        Q(cell=None) | Q(cell__status=Cell.Status.ACTIVE), ends_at__gte=since
    )
    return cached_calendar_response(
        request, meetups, name="CoTech meetups and gatherings", filename="cotech-meetups.ics"
    )


def gathering_list(request):
    """National gatherings, and the cells and champions that link to them."""
    now = timezone.now()
    gatherings = Meetup.objects.gatherings().annotate(
        going=Count("rsvps", filter=Q(rsvps__status=RSVP.Status.GOING))
    )
    cells = Cell.objects.active().prefetch_related(
        Prefetch("champions", queryset=Member.objects.order_by("display_name"))
    )
    return render(
        request,
        "meetups/gathering_list.html",
        {
            "upcoming": gatherings.upcoming(now),
            "past": gatherings.past(now),
            "cells": cells,
        },
    )
