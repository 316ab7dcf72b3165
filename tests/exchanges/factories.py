"""Exchanges made through the real workflow, so they carry their history."""

import itertools
from datetime import date
from decimal import Decimal

from exchanges import services
from exchanges.models import Exchange, ExchangeState

_sequence = itertools.count(1)
State = ExchangeState


def make_exchange(
    host,
    helper,
    *,
    host_coop=None,
    helper_coop=None,
    proposer=None,
    state=State.DRAFT,
    skills=(),
    **fields,
):
    """An exchange brought to `state` through the workflow, by the people entitled to each step."""
    cost = fields.pop("cost_time", Decimal("300"))
    defaults = {
        "title": f"Exchange {next(_sequence)}",
        "description": "Help with a need.",
        "starts_on": date(2026, 3, 2),
        "ends_on": date(2026, 3, 20),
        "time_amount": Decimal("3"),
        "cost_time": cost,
        "share_network": cost,
    }
    defaults.update(fields)
    exchange = Exchange(host=host, helper=helper, host_coop=host_coop, helper_coop=helper_coop)
    for name, value in defaults.items():
        setattr(exchange, name, value)
    proposer = proposer or host
    services.save_draft(exchange, proposer, list(skills))
    return advance(exchange, state)


def admins_of(exchange):
    return [
        (coop, coop.memberships.filter(role="admin").first().member)
        for coop in exchange.coops_to_approve()
    ]


ORDER = [State.DRAFT, State.PROPOSED, State.AWAITING_APPROVAL, State.AGREEMENT, State.ACTIVE]


def advance(exchange, state):
    """Take the steps from the exchange's state to `state` (one of ORDER, or COMPLETED)."""
    exchange = Exchange.objects.get(pk=exchange.pk)
    if state in (State.CANCELLED, State.DECLINED):
        raise ValueError("cancel or decline in the test itself")
    target = State.ACTIVE if state == State.COMPLETED else state
    while ORDER.index(exchange.state) < ORDER.index(target):
        if exchange.state == State.DRAFT:
            services.propose(exchange, exchange.proposer)
        elif exchange.state == State.PROPOSED:
            services.accept(exchange, exchange.counterpart)
        elif exchange.state == State.AWAITING_APPROVAL:
            for coop, admin in admins_of(exchange):
                services.approve(exchange, admin, coop)
        elif exchange.state == State.AGREEMENT:
            version = exchange.current_agreement.version
            signers = [exchange.host, exchange.helper] + [a for _, a in admins_of(exchange)]
            for signer in signers:
                missing = exchange.missing_signatures()
                # Someone who is both a person and an admin signs for both at once.
                if any(exchange.may_sign_for(signer, *party) for party in missing):
                    services.sign(exchange, signer, version)
                exchange = Exchange.objects.get(pk=exchange.pk)
        exchange = Exchange.objects.get(pk=exchange.pk)
    if state == State.COMPLETED:
        for person in (exchange.host, exchange.helper):
            services.report_done(
                exchange,
                person,
                days_spent=Decimal("3"),
                actual_cost=Decimal("0"),
                reflection="Went well.",
            )
        exchange = Exchange.objects.get(pk=exchange.pk)
    return exchange


# A terms form filled in as a host co-op would: the network fund pays it all.
TERMS = {
    "goals": "Changed",
    "deliverables": "",
    "check_ins": "",
    "currency": "GBP",
    "cost_time": "300",
    "cost_travel": "0",
    "cost_other": "0",
    "share_host_coop": "0",
    "share_helper_coop": "0",
    "share_network": "300",
}
