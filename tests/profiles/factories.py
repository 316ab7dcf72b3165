"""Factories for the profiles tests, beside the shared ones in tests/factories.py."""

from datetime import timedelta

from django.utils import timezone

from profiles.models import InKindOffer, Invitation, JoinRequest, OfficeSpace
from tests.factories import make_coop, make_member


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def make_stale_member(display_name=None, *, days=200, **fields):
    member = make_member(display_name, **fields)
    member.last_confirmed_at = days_ago(days)
    member.save(update_fields=["last_confirmed_at"])
    return member


def make_stale_coop(name=None, *, days=200, **fields):
    return make_coop(name, last_confirmed_at=days_ago(days), **fields)


def make_office_space(coop, **fields):
    fields.setdefault("location", "12 High Street")
    return OfficeSpace.objects.create(coop=coop, **fields)


def make_in_kind_offer(coop, **fields):
    fields.setdefault("title", "Hosting")
    return InKindOffer.objects.create(coop=coop, **fields)


def make_join_request(coop, member=None, **fields):
    return JoinRequest.objects.create(coop=coop, member=member or make_member(), **fields)


def make_invitation(coop, email, **fields):
    return Invitation.objects.create(coop=coop, email=email, **fields)
