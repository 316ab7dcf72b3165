"""The meetups domain: cells, their champions and rotating founders, meetups and shout-outs."""

from meetups.models.cells import Cell, CellMembership, FounderTerm, RotationError
from meetups.models.community import ShoutOut, SitePage, SteeringGroupMember
from meetups.models.meetups import RSVP, Meetup, MeetupError

__all__ = [
    "RSVP",
    "Cell",
    "CellMembership",
    "FounderTerm",
    "Meetup",
    "MeetupError",
    "RotationError",
    "ShoutOut",
    "SitePage",
    "SteeringGroupMember",
]
