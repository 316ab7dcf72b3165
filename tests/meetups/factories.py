"""Factories for cells, meetups and shout-outs."""

import itertools
from datetime import timedelta

from django.utils import timezone

from meetups.models import Cell, CellMembership, Meetup, ShoutOut
from tests.factories import make_member

_sequence = itertools.count(1)


def make_cell(name=None, *, champions=(), members=(), **fields):
    """An active cell; champions are appointed, members join in the order given."""
    name = name or f"Cell {next(_sequence)}"
    fields.setdefault("slug", name.lower().replace(" ", "-"))
    fields.setdefault("region", "North West")
    fields.setdefault("area", "Manchester and Salford")
    cell = Cell.objects.create(name=name, **fields)
    cell.champions.add(*champions)
    start = timezone.now() - timedelta(days=365)
    for offset, member in enumerate(members):
        CellMembership.objects.create(
            cell=cell, member=member, joined_at=start + timedelta(minutes=offset)
        )
    return cell


def make_meetup(cell=None, *, starts_at=None, hours=3, **fields):
    """A scheduled meetup a week from now (a national gathering when cell is None)."""
    starts_at = starts_at or timezone.now() + timedelta(days=7)
    fields.setdefault("title", f"Meetup {next(_sequence)}")
    return Meetup.objects.create(
        cell=cell, starts_at=starts_at, ends_at=starts_at + timedelta(hours=hours), **fields
    )


def make_shout_out(author=None, **fields):
    fields.setdefault("title", f"Event {next(_sequence)}")
    fields.setdefault("date", timezone.localdate() + timedelta(days=5))
    return ShoutOut.objects.create(author=author or make_member(), **fields)


def make_members(count, prefix="Member"):
    return [make_member(f"{prefix} {next(_sequence)}") for _ in range(count)]
