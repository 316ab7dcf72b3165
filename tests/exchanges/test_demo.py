"""The demo data has an exchange in every state, some waiting for the demo login."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from exchanges.models import Exchange
from tests.exchanges.factories import State

pytestmark = pytest.mark.django_db


def test_seed_demo_makes_an_exchange_in_every_state_once(mailoutbox):
    call_command("seed_demo")
    call_command("seed_demo")
    assert sorted(Exchange.objects.values_list("state", flat=True)) == sorted(State.values)
    demo = get_user_model().objects.get(username="demo").member
    waiting = [e for e in Exchange.objects.with_workflow() if e.is_waiting_for(demo)]
    # Their own draft, a proposal to answer, their co-op's approval, an agreement to sign.
    assert {e.state for e in waiting} == {
        State.DRAFT,
        State.PROPOSED,
        State.AWAITING_APPROVAL,
        State.AGREEMENT,
    }
    assert mailoutbox == []  # the made-up people are not e-mailed
