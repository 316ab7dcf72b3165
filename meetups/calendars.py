"""iCalendar output (RFC 5545) with the icalendar library: one feed per cell, one for
everything, one file per meetup."""

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from meetups.models import Meetup


def meetup_event(meetup, base_url):
    """The meetup as a VEVENT with a stable UID and a SEQUENCE that grows with each change."""
    event = Event()
    event.add("uid", meetup.uid)
    event.add("sequence", meetup.sequence)
    event.add("dtstamp", meetup.updated_at)
    event.add("summary", meetup.title)
    event.add("dtstart", timezone.localtime(meetup.starts_at))
    event.add("dtend", timezone.localtime(meetup.ends_at))
    event.add("url", base_url + meetup.get_absolute_url())
    if meetup.place:
        event.add("location", meetup.place)
    description = "\n\n".join(
        part for part in (meetup.description, meetup.agenda, meetup.online_link) if part
    )
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if meetup.is_cancelled else "CONFIRMED")
    if meetup.cell:
        event.add("categories", [meetup.cell.name])
    return event


def calendar_response(request, meetups, *, name, filename):
    """An .ics response with the given meetups (cancelled ones included, marked cancelled)."""
    cal = Calendar()
    cal.add("prodid", "-//CoTech Directory//Meetups//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone.get_current_timezone_name())
    base_url = request.build_absolute_uri("/").rstrip("/")
    for meetup in meetups:
        cal.add_component(meetup_event(meetup, base_url))
    cal.add_missing_timezones()
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def feed_meetups(queryset=None):
    return (queryset if queryset is not None else Meetup.objects.all()).for_calendar()
