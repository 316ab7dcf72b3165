"""
Two people acting on one exchange at the same moment, each on their own database
connection: exactly one outcome, no lost signature, no double transition.

Both threads wait at a barrier and then take their step; the exchange's row lock
(PostgreSQL) or SQLite's IMMEDIATE write lock makes one wait for the other, and
the second then sees the first's result. Which one goes first is not fixed, so
each test accepts either order and checks that the result is consistent.
"""

import threading

import pytest
from django.db import connections

from exchanges import services
from exchanges.models import Agreement, Approval, ExchangeEvent, Signature
from exchanges.services import ExchangeError
from tests.cast import Cast
from tests.exchanges.factories import State
from tests.factories import make_member

pytestmark = pytest.mark.django_db(transaction=True)


def race(*steps):
    """Run each step in its own thread with its own connection; return "ok" or the error."""
    barrier = threading.Barrier(len(steps))
    results = [None] * len(steps)

    def run(index, step):
        try:
            barrier.wait()
            step()
            results[index] = "ok"
        except ExchangeError as error:
            results[index] = error
        except Exception as error:  # shown by the test's assertion, not lost in the thread
            results[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, step)) for i, step in enumerate(steps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def cast(transactional_db):
    return Cast()


def test_two_admins_approving_for_one_coop_at_once_record_one_approval(cast):
    second_admin = make_member("Second Admin")
    cast.host_coop.memberships.create(member=second_admin, role="admin")
    exchange = cast.exchange(State.AWAITING_APPROVAL)
    results = race(
        lambda: services.approve(exchange, cast.host_admin, cast.host_coop),
        lambda: services.approve(exchange, second_admin, cast.host_coop),
    )
    assert results.count("ok") == 1
    refused = next(result for result in results if result != "ok")
    assert "already approved" in str(refused)
    assert Approval.objects.filter(exchange=exchange).count() == 1
    assert exchange.events.filter(kind=ExchangeEvent.Kind.APPROVED).count() == 1
    exchange.refresh_from_db()
    assert exchange.state == State.AWAITING_APPROVAL


def test_the_last_two_approvals_at_once_move_it_on_exactly_once(cast):
    exchange = cast.exchange(State.AWAITING_APPROVAL)
    results = race(
        lambda: services.approve(exchange, cast.host_admin, cast.host_coop),
        lambda: services.approve(exchange, cast.helper_admin, cast.helper_coop),
    )
    assert results == ["ok", "ok"]
    exchange.refresh_from_db()
    assert exchange.state == State.AGREEMENT
    assert Agreement.objects.filter(exchange=exchange).count() == 1
    assert exchange.events.filter(kind=ExchangeEvent.Kind.AGREEMENT_DRAFTED).count() == 1


def test_a_signature_arriving_while_the_terms_change_is_never_lost(cast):
    exchange = cast.exchange(State.AGREEMENT)
    services.sign(exchange, cast.helper, 1)  # someone has signed: a change makes version 2
    signed, changed = race(
        lambda: services.sign(exchange, cast.host_admin, 1),
        lambda: services.change_terms(exchange, cast.host, {"goals": "Two pages, not one."}),
    )
    assert changed == "ok"
    exchange.refresh_from_db()
    assert exchange.current_agreement.version == 2
    assert exchange.current_agreement.signatures.count() == 0
    version_1 = Signature.objects.filter(agreement__exchange=exchange, agreement__version=1)
    if signed == "ok":
        # The signature came first: it is kept, on the version it was given for.
        assert set(version_1.values_list("member", flat=True)) == {
            cast.helper.pk,
            cast.host_admin.pk,
        }
    else:
        # The change came first: signing the old version is refused, not half-done.
        assert "version 2 is now current" in str(signed)
        assert list(version_1.values_list("member", flat=True)) == [cast.helper.pk]


def test_the_last_two_signatures_at_once_make_it_active_once(cast):
    exchange = cast.exchange(State.AGREEMENT)
    services.sign(exchange, cast.host, 1)
    services.sign(exchange, cast.helper, 1)
    results = race(
        lambda: services.sign(exchange, cast.host_admin, 1),
        lambda: services.sign(exchange, cast.helper_admin, 1),
    )
    assert results == ["ok", "ok"]
    exchange.refresh_from_db()
    assert exchange.state == State.ACTIVE
    assert exchange.current_agreement.signatures.count() == 4
    assert exchange.events.filter(kind=ExchangeEvent.Kind.ACTIVATED).count() == 1
