"""iCalendar output (RFC 5545) with the icalendar library: one feed per cell, one for
everything, one file per meetup."""

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from core.caching import TTL, cache_key
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


# How long a cached network feed may show a renamed cell or venue (meetup changes show at once).


def ics_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def cached_calendar_response(request, queryset, *, name, filename):
    """
    calendar_response for a big feed, kept in the shared cache. At scale the network
    feed is tens of thousands of events and seconds of rendering; the cache key holds
    the newest change and the number of meetups (one query), so adding, changing or
    cancelling a meetup shows in the very next download.
    """
    version = queryset.aggregate(changed=Max("updated_at"), count=Count("pk"))
    base_url = request.build_absolute_uri("/")
    key = cache_key("calendar", filename, base_url, version["changed"], version["count"])
    body = cache.get(key)
    if body is None:
        body = calendar_response(request, feed_meetups(queryset), name=name, filename=filename)
        body = body.content
        cache.set(key, body, TTL.CALENDAR)
    return ics_response(body, filename)


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
    return ics_response(cal.to_ical(), filename)


def feed_meetups(queryset=None):
    return (queryset if queryset is not None else Meetup.objects.all()).for_calendar()
