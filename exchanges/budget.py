"""
Co-budgeting: who gave and received how much time and money through exchanges.

An exchange counts in the period its start date (or its target month) falls in,
once it is active or completed: the terms are signed by then. For each co-op:
- days given: the helper's days when the co-op released the helper;
- days received: the same days when the co-op hosted;
- costs paid: its share of the co-budget, whichever side it was on;
- costs received: what the others paid towards the exchange's cost when the
  co-op released the helper (the total cost less its own share).
Completed exchanges count the days the helper reported; active ones the agreed days.
The network fund's spending is the sum of its shares.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q

from exchanges.models import Exchange, ExchangeState

COUNTED_STATES = (ExchangeState.ACTIVE, ExchangeState.COMPLETED)
ZERO = Decimal("0")


@dataclass
class CoopLine:
    """One co-op's figures in one currency."""

    coop: object
    currency: str
    exchanges: int = 0
    days_given: Decimal = ZERO
    days_received: Decimal = ZERO
    paid: Decimal = ZERO
    received: Decimal = ZERO


@dataclass
class NetworkTotals:
    """The whole network's figures in one currency."""

    currency: str
    exchanges: int = 0
    days: Decimal = ZERO
    total_cost: Decimal = ZERO
    network_fund: Decimal = ZERO


def exchanges_in(year):
    """The exchanges that count for `year`, with what the figures need (two queries)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    return (
        Exchange.objects.filter(state__in=COUNTED_STATES)
        .filter(
            Q(starts_on__range=(start, end)) | Q(starts_on=None, target_month__range=(start, end))
        )
        .select_related("host_coop", "helper_coop")
        .prefetch_related("completion_reports")
        .order_by("pk")
    )


def days_of(exchange):
    """The helper's reported days for a completed exchange, otherwise the agreed days."""
    if exchange.state == ExchangeState.COMPLETED:
        for report in exchange.completion_reports.all():
            if report.member_id == exchange.helper_id:
                return report.days_spent
    return exchange.days


def figures(year):
    """(co-op lines sorted by co-op name then currency, network totals by currency)."""
    lines, totals = {}, {}

    def line(coop, currency):
        key = (coop.pk, currency)
        if key not in lines:
            lines[key] = CoopLine(coop, currency)
        return lines[key]

    for exchange in exchanges_in(year):
        currency, days = exchange.currency, days_of(exchange)
        total = totals.setdefault(currency, NetworkTotals(currency))
        total.exchanges += 1
        total.days += days
        total.total_cost += exchange.total_cost
        total.network_fund += exchange.share_network
        counted = set()
        if exchange.host_coop:
            host = line(exchange.host_coop, currency)
            host.days_received += days
            host.paid += exchange.share_host_coop
            counted.add(host.coop.pk)
        if exchange.helper_coop:
            helper = line(exchange.helper_coop, currency)
            helper.days_given += days
            helper.paid += exchange.share_helper_coop
            helper.received += exchange.total_cost - exchange.share_helper_coop
            counted.add(helper.coop.pk)
        for coop_id in counted:
            lines[(coop_id, currency)].exchanges += 1
    ordered = sorted(lines.values(), key=lambda row: (row.coop.name.casefold(), row.currency))
    return ordered, sorted(totals.values(), key=lambda t: t.currency)
