"""
`Exchange.objects.waiting_for(member)` (SQL, for lists) agrees with
`exchange.is_waiting_for(member)` (Python, for the exchange page) in every state
and for every role: the people, the proposer, co-op admins, an admin of both co-ops,
a person who is also their co-op's admin, and people with nothing to do.
"""

import itertools
from decimal import Decimal

import pytest

from exchanges import services
from exchanges.models import Exchange, ExchangeState
from profiles.models import Member
from tests.exchanges.factories import State, admins_of, make_exchange
from tests.factories import make_coop, make_member

pytestmark = pytest.mark.django_db


class World:
    """People and co-ops in every relation an exchange can have to them."""

    def __init__(self):
        self.hana = make_member("Hana Host")
        self.hal = make_member("Hal Helper")
        self.kit = make_member("Kit Colleague")  # Hana's colleague: same co-op, both sides
        self.ada = make_member("Ada HostAdmin")
        self.bea = make_member("Bea HelperAdmin")
        self.dee = make_member("Dee BothAdmin")  # a second admin of both co-ops
        self.sam = make_member("Sam Solo")  # a person who is also their co-op's admin
        self.pat = make_member("Pat NoCoop")
        self.olly = make_member("Olly Outsider")  # an admin elsewhere
        self.host_coop = make_coop(
            "Host Co-op", admins=[self.ada, self.dee], members=[self.hana, self.kit]
        )
        self.helper_coop = make_coop(
            "Helper Co-op", admins=[self.bea, self.dee], members=[self.hal]
        )
        self.solo_coop = make_coop("Solo Co-op", admins=[self.sam])
        make_coop("Elsewhere Co-op", admins=[self.olly])

    def everyone(self):
        return [
            self.hana,
            self.hal,
            self.kit,
            self.ada,
            self.bea,
            self.dee,
            self.sam,
            self.pat,
            self.olly,
        ]

    def shapes(self):
        """(host, helper, host co-op, helper's co-op, proposer) of each kind of exchange."""
        return [
            (self.hana, self.hal, self.host_coop, self.helper_coop, self.hana),
            (self.hana, self.hal, self.host_coop, self.helper_coop, self.hal),
            (self.hana, self.pat, self.host_coop, None, self.pat),
            (self.pat, self.hal, None, None, self.pat),
            (self.hana, self.kit, self.host_coop, self.host_coop, self.hana),
            (self.sam, self.hal, self.solo_coop, self.helper_coop, self.sam),
        ]


def signers(exchange):
    """Everyone who signs: the two people and one admin per co-op, each once."""
    people = [exchange.host, exchange.helper] + [admin for _, admin in admins_of(exchange)]
    return list(dict.fromkeys(people))


def exchanges_at_every_step(world):
    """Exchanges of every shape at every step, with approvals and signatures part-way."""
    for host, helper, host_coop, helper_coop, proposer in world.shapes():
        shape = {"host_coop": host_coop, "helper_coop": helper_coop, "proposer": proposer}

        def make(state, shape=shape, host=host, helper=helper):
            return make_exchange(host, helper, state=state, **shape)

        for state in (State.DRAFT, State.PROPOSED, State.ACTIVE, State.COMPLETED):
            make(state)
        if host_coop or helper_coop:
            exchange = make(State.AWAITING_APPROVAL)
            coops = admins_of(exchange)
            # Either co-op approved by its first admin, the helper's also by Dee.
            approvals = [*coops, (helper_coop, world.dee)] if len(coops) == 2 else []
            for coop, admin in approvals:
                services.approve(make(State.AWAITING_APPROVAL), admin, coop)
        # Every set of signatures short of all of them (which would make it active).
        people = signers(make(State.AGREEMENT))
        for size in range(1, len(people)):
            for signed in itertools.combinations(people, size):
                exchange = make(State.AGREEMENT)
                for person in signed:
                    services.sign(Exchange.objects.get(pk=exchange.pk), person, 1)
        # The host signed version 1, then the terms changed: version 2 has no signature.
        exchange = make(State.AGREEMENT)
        services.sign(exchange, host, 1)
        services.change_terms(Exchange.objects.get(pk=exchange.pk), helper, {"goals": "New"})
        for person in (host, helper):
            services.report_done(
                make(State.ACTIVE),
                person,
                days_spent=Decimal("1"),
                actual_cost=Decimal("0"),
                reflection="Done.",
            )
        services.cancel(make(State.PROPOSED), host, "Plans changed")
        proposal = make(State.PROPOSED)
        services.decline(proposal, proposal.counterpart)
    # Dee, admin of both co-ops, signs for both at once.
    exchange = make_exchange(
        world.hana,
        world.hal,
        host_coop=world.host_coop,
        helper_coop=world.helper_coop,
        state=State.AGREEMENT,
    )
    services.sign(exchange, world.dee, 1)


def test_waiting_for_and_involving_select_what_the_exchange_rules_say_for_everyone():
    world = World()
    exchanges_at_every_step(world)
    every_exchange = list(Exchange.objects.with_workflow())
    assert {exchange.state for exchange in every_exchange} == set(ExchangeState)
    waiting_somewhere = set()
    for person in world.everyone():
        member = Member.objects.get(pk=person.pk)  # afresh, as a request loads its viewer
        expected = {exchange for exchange in every_exchange if exchange.is_waiting_for(member)}
        selected = set(Exchange.objects.waiting_for(member))
        assert selected == expected, (
            f"{member}: only in SQL {sorted(e.pk for e in selected - expected)}, "
            f"only in Python {sorted(e.pk for e in expected - selected)}"
        )
        waiting_somewhere |= {(exchange.state, member.pk) for exchange in expected}
        involved = {
            exchange
            for exchange in every_exchange
            if exchange.is_person(member) or exchange.admin_coops_of(member)
        }
        assert set(Exchange.objects.involving_member(member)) == involved
        assert set(Exchange.objects.involving(person.user)) == involved
    # The comparison means something: each unfinished state waits for someone, and
    # admins (Ada, Dee) and the person who is also an admin (Sam) have steps to take.
    unfinished = set(ExchangeState) - {State.COMPLETED, State.CANCELLED, State.DECLINED}
    assert {state for state, _ in waiting_somewhere} == unfinished
    for admin in (world.ada, world.dee, world.sam):
        assert (State.AWAITING_APPROVAL, admin.pk) in waiting_somewhere
        assert (State.AGREEMENT, admin.pk) in waiting_somewhere
    assert world.olly.pk not in {pk for _, pk in waiting_somewhere}


def test_waiting_for_is_one_query(django_assert_num_queries):
    world = World()
    make_exchange(world.hana, world.hal, host_coop=world.host_coop, state=State.AWAITING_APPROVAL)
    member = Member.objects.get(pk=world.ada.pk)
    member.admin_coop_ids()  # known already on the pages that use waiting_for
    with django_assert_num_queries(1):
        assert len(Exchange.objects.waiting_for(member)) == 1
