"""What the meetups part of the site holds about one person, for their data download."""

from django.utils import timezone

from meetups import services
from meetups.models import RSVP, CellMembership, FounderTerm, Meetup, ShoutOut


def collect(member):
    return {
        "cells": [
            {"cell": membership.cell.name, "joined_at": membership.joined_at}
            for membership in CellMembership.objects.filter(member=member).select_related("cell")
        ],
        "champion_of": list(member.championed_cells.values_list("name", flat=True)),
        "founder_terms": [
            {
                "cell": term.cell.name,
                "status": term.status,
                "from": term.started_on,
                "to": term.ended_on,
            }
            for term in FounderTerm.objects.filter(member=member).select_related("cell")
        ],
        "rsvps": [
            {"meetup": rsvp.meetup.title, "starts_at": rsvp.meetup.starts_at, "answer": rsvp.status}
            for rsvp in RSVP.objects.filter(member=member).select_related("meetup")
        ],
        "shout_outs": [
            {"title": shout_out.title, "link": shout_out.link, "note": shout_out.note}
            for shout_out in ShoutOut.objects.filter(author=member)
        ],
    }


def forget(member):
    """
    Before an account is deleted: leave every cell (a founder's term ends and the next
    in line is asked), give up places at coming meetups (the waiting list moves up),
    stop championing and withdraw coming shout-outs. Past meetups keep their record.
    """
    for membership in CellMembership.objects.filter(member=member).select_related("cell"):
        services.leave_cell(membership.cell, member)
    member.championed_cells.clear()
    coming = RSVP.objects.filter(
        member=member,
        meetup__status=Meetup.Status.SCHEDULED,
        meetup__ends_at__gt=timezone.now(),
    ).exclude(status=RSVP.Status.NOT_GOING)
    for rsvp in coming.select_related("meetup"):
        services.reply_to_meetup(rsvp.meetup, member, RSVP.Status.NOT_GOING)
    ShoutOut.objects.filter(author=member, date__gte=timezone.localdate()).delete()
