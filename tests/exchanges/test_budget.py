"""The co-budget page and its CSV, on a hand-made set of exchanges whose totals are known."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from exchanges.models import CompletionReport, Exchange
from tests.factories import make_coop, make_member

pytestmark = pytest.mark.django_db
State = Exchange.State
D = Decimal


class Network:
    """
    Three co-ops A, B and C. What counts for 2026 (active or completed, starting in 2026):

    e1  A hosts, B helps, active, 3 days, costs 600 + 100 travel; A pays 400, B 100, fund 200
    e2  B hosts, A helps, completed, agreed 5 days but the helper reported 4; 500; B 250, fund 250
    e3  C hosts a freelancer, active, flexible in September, 15 hours = 2 days; 300; C 150, fund 150
    e7  A hosts, B helps, active, 1 day, 100 EUR all from the fund

    and what does not: a draft (e4), one starting in 2025 (e5), a cancelled one (e6).
    """

    def __init__(self):
        self.admin_a = make_member("Ann A")
        self.a = make_coop("A Co-op", admins=[self.admin_a])
        self.b = make_coop("B Co-op")
        self.c = make_coop("C Co-op")
        self.host, self.helper = make_member(), make_member()
        self.e1 = self.make(
            self.a,
            self.b,
            State.ACTIVE,
            "2026-02-01",
            cost_time=D("600"),
            cost_travel=D("100"),
            share_host_coop=D("400"),
            share_helper_coop=D("100"),
            share_network=D("200"),
        )
        self.e2 = self.make(
            self.b,
            self.a,
            State.COMPLETED,
            "2026-06-01",
            time_amount=D("5"),
            cost_time=D("500"),
            share_host_coop=D("250"),
            share_network=D("250"),
        )
        CompletionReport.objects.create(
            exchange=self.e2, member=self.helper, days_spent=D("4"), reflection="x"
        )
        CompletionReport.objects.create(
            exchange=self.e2, member=self.host, days_spent=D("5"), reflection="x"
        )
        self.e3 = self.make(
            self.c,
            None,
            State.ACTIVE,
            None,
            flexible=True,
            target_month=date(2026, 9, 1),
            time_amount=D("15"),
            time_unit="hours",
            cost_time=D("300"),
            share_host_coop=D("150"),
            share_network=D("150"),
        )
        self.make(
            self.a, self.c, State.DRAFT, "2026-03-01", cost_time=D("999"), share_network=D("999")
        )
        self.make(
            self.a, self.b, State.ACTIVE, "2025-12-01", cost_time=D("999"), share_network=D("999")
        )
        self.make(
            self.a,
            self.b,
            State.CANCELLED,
            "2026-04-01",
            cost_time=D("999"),
            share_network=D("999"),
        )
        self.make(
            self.a,
            self.b,
            State.ACTIVE,
            "2026-05-01",
            time_amount=D("1"),
            currency="EUR",
            cost_time=D("100"),
            share_network=D("100"),
        )

    def make(self, host_coop, helper_coop, state, starts_on, **fields):
        fields.setdefault("time_amount", D("3"))
        return Exchange.objects.create(
            title="Counted",
            description="x",
            proposer=self.host,
            host=self.host,
            helper=self.helper,
            host_coop=host_coop,
            helper_coop=helper_coop,
            state=state,
            starts_on=starts_on,
            **fields,
        )


@pytest.fixture
def network(db):
    return Network()


def rows(response):
    return {
        (line.coop.name, line.currency): (
            line.exchanges,
            line.days_given,
            line.days_received,
            line.paid,
            line.received,
        )
        for line in response.context["lines"]
    }


def test_staff_see_every_coop_and_the_network_totals(network, cast, client_as):
    response = client_as(cast.staff.user).get("/exchanges/budget/?year=2026")
    assert rows(response) == {
        ("A Co-op", "GBP"): (2, D("4"), D("3"), D("400"), D("500")),
        ("B Co-op", "GBP"): (2, D("3"), D("4"), D("350"), D("600")),
        ("C Co-op", "GBP"): (1, D("0"), D("2.0"), D("150"), D("0")),
        ("A Co-op", "EUR"): (1, D("0"), D("1"), D("0"), D("0")),
        ("B Co-op", "EUR"): (1, D("1"), D("0"), D("0"), D("100")),
    }
    totals = {
        t.currency: (t.exchanges, t.days, t.total_cost, t.network_fund)
        for t in response.context["totals"]
    }
    assert totals == {
        "GBP": (3, D("9.0"), D("1500"), D("600")),
        "EUR": (1, D("1"), D("100"), D("100")),
    }


def test_a_coop_admin_sees_their_lines_and_the_network_totals(network, client_as):
    response = client_as(network.admin_a.user).get("/exchanges/budget/?year=2026")
    assert set(rows(response)) == {("A Co-op", "GBP"), ("A Co-op", "EUR")}
    assert [t.network_fund for t in response.context["totals"]] == [D("100"), D("600")]
    page = response.content.decode()
    assert "B Co-op" not in page


def test_another_year_counts_other_exchanges(network, cast, client_as):
    response = client_as(cast.staff.user).get("/exchanges/budget/?year=2025")
    assert [t.total_cost for t in response.context["totals"]] == [D("999")]


def test_the_year_defaults_to_this_year(network, cast, client_as):
    response = client_as(cast.staff.user).get("/exchanges/budget/")
    assert response.context["year"] == timezone.localdate().year


def test_a_bad_year_falls_back_to_this_year_with_a_message(network, cast, client_as):
    response = client_as(cast.staff.user).get("/exchanges/budget/?year=banana")
    assert response.context["year"] == timezone.localdate().year
    assert response.context["form"].errors["year"]


def test_the_csv_has_the_same_figures(network, client_as):
    response = client_as(network.admin_a.user).get("/exchanges/budget.csv?year=2026")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "cotech-co-budget-2026.csv" in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.content.decode())))
    assert table[0][:3] == ["co-op", "currency", "exchanges"]
    assert table[1:3] == [
        ["A Co-op", "EUR", "1", "0.0", "1.0", "0.00", "0.00"],
        ["A Co-op", "GBP", "2", "4.0", "3.0", "400.00", "500.00"],
    ]
    assert ["Whole network", "GBP", "3", "9.0", "1500.00", "600.00"] in table


def test_a_formula_in_a_coop_name_is_not_run_by_a_spreadsheet(network, cast, client_as):
    network.b.name = "=HYPERLINK(1)"
    network.b.save()
    response = client_as(cast.staff.user).get("/exchanges/budget.csv?year=2026")
    assert "'=HYPERLINK(1)" in response.content.decode()
