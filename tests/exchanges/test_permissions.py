"""Who may open each exchange page and take each step, role by role."""

import pytest

from exchanges.models import Exchange
from tests.cast import ROLES, Cast
from tests.exchanges.factories import TERMS, State, make_exchange
from tests.factories import make_coop, make_member
from tests.helpers import Access, assert_access, by_role, module_world

pytestmark = pytest.mark.django_db

STATES = [State.DRAFT, State.PROPOSED, State.AWAITING_APPROVAL, State.AGREEMENT, State.ACTIVE]
SEE = by_role(404, anonymous=302, member=200, owner=200, staff=200)
SIGNED_IN = by_role(200, anonymous=302)
BUDGET = by_role(403, anonymous=302, owner=200, other_admin=200, staff=200)


def only(allowed, ok=200):
    """Visible to the people involved; `allowed` may take the step, the others get 403."""
    return {**SEE, "member": 403, "owner": 403, "staff": 403, **dict.fromkeys(allowed, ok)}


class World:
    """
    The cast and one exchange in each state where the cast's member is the host for the
    cast's co-op (whose admin is the owner) and the helper comes from a third co-op:
    other_admin and the outsider have nothing to do with it.
    """

    def __init__(self):
        self.cast = Cast()
        helper = make_member("Hal Third")
        make_coop("Third Co-op", admins=[make_member("Tess Third")], members=[helper])
        self.exchanges = {
            state: make_exchange(
                self.cast.member,
                helper,
                host_coop=self.cast.coop,
                helper_coop=helper.coops.get(),
                state=state,
            )
            for state in STATES
        }
        self.events = {e.pk: e.events.count() for e in self.exchanges.values()}

    def names(self, state):
        return {"pk": self.exchanges[state].pk, "coop": self.cast.coop.pk} if state else {}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with module_world(django_db_blocker, World) as world:
        yield world


def stepped(state):
    """The exchange in `state` recorded a step (every step is an event)."""

    def done(world, role):
        exchange = Exchange.objects.get(pk=world.exchanges[state].pk)
        return exchange.events.count() > world.events[exchange.pk]

    return done


def page(url, state, expect):
    return state, Access("get", url, expect)


def step(url, state, data, expect):
    return state, Access("post", url, expect, data=data, to="/exchanges/{pk}/", done=stepped(state))


GET_PAGES = [
    page("/exchanges/", None, SIGNED_IN),
    page("/exchanges/new/", None, SIGNED_IN),
    page("/exchanges/budget/", None, BUDGET),
    page("/exchanges/budget.csv", None, BUDGET),
    page("/exchanges/{pk}/", State.DRAFT, SEE),
    page("/exchanges/{pk}/agreement/1/", State.AGREEMENT, SEE),
    page("/exchanges/{pk}/edit/", State.DRAFT, only(["member"])),
    page("/exchanges/{pk}/suggest-changes/", State.PROPOSED, only([])),
    page("/exchanges/{pk}/decline/", State.PROPOSED, only([])),
    page("/exchanges/{pk}/coops/{coop}/decline/", State.AWAITING_APPROVAL, only(["owner"])),
    page("/exchanges/{pk}/terms/", State.AGREEMENT, only(["member"])),
    page("/exchanges/{pk}/done/", State.ACTIVE, only(["member"])),
    page("/exchanges/{pk}/cancel/", State.ACTIVE, only(["member", "owner"])),
]

POSTS = [
    step("/exchanges/{pk}/propose/", State.DRAFT, {}, only(["member"], 302)),
    step("/exchanges/{pk}/accept/", State.PROPOSED, {}, only([], 302)),
    step(
        "/exchanges/{pk}/coops/{coop}/approve/", State.AWAITING_APPROVAL, {}, only(["owner"], 302)
    ),
    step(
        "/exchanges/{pk}/sign/", State.AGREEMENT, {"version": "1"}, only(["member", "owner"], 302)
    ),
    step(
        "/exchanges/{pk}/cancel/",
        State.PROPOSED,
        {"note": "Plans changed"},
        only(["member", "owner"], 302),
    ),
    step("/exchanges/{pk}/suggest-changes/", State.PROPOSED, {"note": "Shorter"}, only([], 302)),
    step("/exchanges/{pk}/decline/", State.PROPOSED, {"note": "No time"}, only([], 302)),
    step(
        "/exchanges/{pk}/coops/{coop}/decline/",
        State.AWAITING_APPROVAL,
        {"note": "Busy season"},
        only(["owner"], 302),
    ),
    step("/exchanges/{pk}/terms/", State.AGREEMENT, TERMS, only(["member"], 302)),
    step(
        "/exchanges/{pk}/done/",
        State.ACTIVE,
        {"days_spent": "2", "actual_cost": "0", "reflection": "Fine"},
        only(["member"], 302),
    ),
    # An empty form: the proposer sees the errors (200), nobody else gets that far.
    step("/exchanges/{pk}/edit/", State.DRAFT, {}, only(["member"], 200)),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("state", "row"), GET_PAGES, ids=[str(r) for _, r in GET_PAGES])
def test_who_may_open_each_page(world, client_as, role, state, row):
    client = client_as(world.cast.user(role))
    assert_access(client, row, role, world=world, names=world.names(state))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("state", "row"), POSTS, ids=[str(r) for _, r in POSTS])
def test_who_may_take_each_step(world, client_as, role, state, row):
    client = client_as(world.cast.user(role))
    assert_access(client, row, role, world=world, names=world.names(state))
    exchange = Exchange.objects.get(pk=world.exchanges[state].pk)
    if not row.done(world, role):
        assert exchange.state == state
