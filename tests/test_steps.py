"""One refusal for every step (core.steps): how a view shows it, and every app's errors are one."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from core.steps import StepRefused, refuse
from exchanges.services import ExchangeError
from listings.messaging import MessageError
from listings.models import ListingError
from meetups.models import MeetupError
from meetups.models.cells import RotationError
from profiles.models.members import LastAdminError
from profiles.models.shared import ProfileError


class CapacityForm(forms.Form):
    title = forms.CharField()
    capacity = forms.IntegerField()


def a_request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_refusal_naming_a_field_shows_beside_it():
    form = CapacityForm({"title": "Meetup", "capacity": "2"})
    assert form.is_valid()
    refuse(a_request(), StepRefused("3 people are already going.", field="capacity"), form)
    assert form.errors == {"capacity": ["3 people are already going."]}


def test_a_refusal_naming_no_field_or_another_form_s_field_shows_at_the_top():
    form = CapacityForm({"title": "Meetup", "capacity": "2"})
    assert form.is_valid()
    refuse(a_request(), StepRefused("Only a scheduled meetup can be changed."), form)
    refuse(a_request(), StepRefused("Not here.", field="to"), form)
    assert form.non_field_errors() == ["Only a scheduled meetup can be changed.", "Not here."]


def test_without_a_form_a_refusal_is_a_message_on_the_next_page():
    request = a_request()
    refuse(request, StepRefused("That person is no longer a member."))
    assert [str(m) for m in get_messages(request)] == ["That person is no longer a member."]


@pytest.mark.parametrize(
    "error",
    [
        ProfileError,
        LastAdminError,
        ListingError,
        MessageError,
        ExchangeError,
        RotationError,
        MeetupError,
    ],
)
def test_every_app_s_refusal_is_a_step_refused(error):
    assert issubclass(error, StepRefused)
    assert str(error("Why, for the person", field="x")) == "Why, for the person"
