"""Factories for needs and offers tests, on top of tests.factories."""

from datetime import timedelta

from django.utils import timezone

from listings.models import Listing
from tests.factories import make_listing


def make_need(author=None, **fields):
    return make_listing(author, kind=Listing.Kind.NEED, **fields)


def make_offer(author=None, **fields):
    return make_listing(author, kind=Listing.Kind.OFFER, **fields)


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def listing_form_data(**overrides):
    """A valid POST for the listing form; override any field."""
    data = {
        "kind": "need",
        "coop": "",
        "category": "skill-help",
        "title": "Help with Django upgrades",
        "description": "We are on Django 4.2 and want to reach 6.",
        "tech_skills": "Django, PostgreSQL",
        "coop_skills": "",
        "time_amount": "3",
        "time_unit": "days",
        "cost_kind": "free",
        "cost_amount": "",
        "currency": "GBP",
        "deadline": "",
        "place": "Bristol",
        "region": "South West",
        "remote_ok": "on",
        "expires_on": (timezone.localdate() + timedelta(days=60)).isoformat(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
