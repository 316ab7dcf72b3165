"""A mail server that fails: the exchange's step stands, the failure is logged and raised."""

import logging

import pytest

from exchanges import services
from tests.exchanges.factories import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.test_mail.FailingBackend"}}


def test_a_step_whose_e_mail_fails_is_taken_and_the_failure_logged_with_the_exchange(
    cast, failing_mail, caplog
):
    exchange = cast.exchange(State.DRAFT)
    with (
        caplog.at_level(logging.ERROR, logger="exchanges.notify"),
        pytest.raises(ConnectionRefusedError),
    ):
        services.propose(exchange, cast.host)
    [record] = [r for r in caplog.records if r.name == "exchanges.notify"]
    assert record.getMessage().startswith(
        f"Could not e-mail member {cast.helper.pk} about exchange {exchange.pk} ("
    )
    assert record.exc_info[0] is ConnectionRefusedError
    exchange.refresh_from_db()
    assert exchange.state == State.PROPOSED, "the mail goes out after the step commits"
