"""Proposing an exchange and changing its terms through the pages: good input and bad."""

from datetime import date
from decimal import Decimal

import pytest

from exchanges.models import Exchange, ExchangeEvent
from tests.exchanges.factories import State, make_exchange
from tests.factories import make_listing, make_member

pytestmark = pytest.mark.django_db


def proposal(cast, **changes):
    """What the host fills in to ask the helper for three days of help."""
    data = {
        "side": "host",
        "other_person": cast.helper.pk,
        "host_coop": cast.host_coop.pk,
        "helper_coop": cast.helper_coop.pk,
        "title": "Help with our Django upgrade",
        "description": "We are two versions behind.",
        "skill_names": "Django, PostgreSQL",
        "starts_on": "2026-03-02",
        "ends_on": "2026-03-20",
        "target_month": "",
        "time_amount": "3",
        "time_unit": "days",
        "place": "remote",
        "currency": "gbp",
        "cost_time": "600",
        "cost_travel": "50",
        "cost_other": "0",
        "share_host_coop": "300",
        "share_helper_coop": "0",
        "share_network": "350",
        "goals": "Upgrade to the current release.",
        "deliverables": "",
        "check_ins": "Fridays",
    }
    data.update(changes)
    return data


def test_a_host_drafts_an_exchange(cast, client_as):
    response = client_as(cast.host.user).post("/exchanges/new/", proposal(cast))
    exchange = Exchange.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/exchanges/{exchange.pk}/"
    assert (exchange.host, exchange.helper, exchange.proposer) == (
        cast.host,
        cast.helper,
        cast.host,
    )
    assert exchange.state == State.DRAFT
    assert exchange.currency == "GBP"
    assert exchange.total_cost == Decimal("650")
    assert sorted(exchange.skills.values_list("name", flat=True)) == ["Django", "PostgreSQL"]
    assert exchange.events.get().kind == ExchangeEvent.Kind.CREATED


def test_a_helper_drafts_an_exchange_with_flexible_dates(cast, client_as):
    data = proposal(
        cast,
        side="helper",
        other_person=cast.host.pk,
        flexible="on",
        starts_on="",
        ends_on="",
        target_month="2026-05",
    )
    response = client_as(cast.helper.user).post("/exchanges/new/", data)
    assert response.status_code == 302
    exchange = Exchange.objects.get()
    assert (exchange.host, exchange.helper) == (cast.host, cast.helper)
    assert exchange.target_month == date(2026, 5, 1)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"share_network": "300"},
            "share_network",
            "add up to 600.00 but the total cost is 650.00",
        ),
        ({"ends_on": "2026-02-01"}, "ends_on", "before the start date"),
        ({"time_amount": "-2"}, "time_amount", "greater than or equal to 0.5"),
        ({"time_amount": "900"}, "time_amount", "At most 250 days"),
        ({"time_unit": "hours", "time_amount": "5000"}, "time_amount", "hours"),
        ({"cost_travel": "-50"}, "cost_travel", "greater than or equal to 0"),
        ({"cost_other": "99999999"}, "cost_other", "less than or equal to 1000000"),
        ({"starts_on": ""}, "starts_on", "Give a start date"),
        ({"flexible": "on", "starts_on": ""}, "target_month", "the month to aim for"),
        ({"currency": "£1"}, "currency", "three-letter currency code"),
        ({"helper_coop": ""}, "share_helper_coop", None),
        ({"title": ""}, "title", "This field is required"),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_nothing_is_saved(
    cast, client_as, changes, field, message
):
    if field == "share_helper_coop":
        changes = {**changes, "share_helper_coop": "50", "share_network": "300"}
        message = "The helper has no co-op to pay this share."
    response = client_as(cast.host.user).post("/exchanges/new/", proposal(cast, **changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    assert not Exchange.objects.exists()
    # What was typed is kept.
    assert "Help with our Django upgrade" in response.content.decode() or field == "title"


def test_the_helper_must_belong_to_the_helper_coop(cast, client_as):
    stranger = make_member("Stan Stranger")
    data = proposal(cast, other_person=stranger.pk)
    response = client_as(cast.host.user).post("/exchanges/new/", data)
    assert (
        "Stan Stranger is not a member of Other Co-op."
        in response.context["form"].errors["helper_coop"]
    )
    assert not Exchange.objects.exists()


def test_nobody_proposes_an_exchange_with_themselves(cast, client_as):
    data = proposal(cast, other_person=cast.host.pk)
    response = client_as(cast.host.user).post("/exchanges/new/", data)
    assert "other_person" in response.context["form"].errors
    assert not Exchange.objects.exists()


def test_a_need_prefills_the_form_with_the_author_as_host(cast, client_as):
    need = make_listing(
        cast.host, title="Need a Wagtail hand", skills=["Wagtail"], coop=cast.host_coop
    )
    response = client_as(cast.helper.user).get(f"/exchanges/new/?listing={need.pk}")
    form = response.context["form"]
    assert form.initial["side"] == "helper"
    assert form.initial["other_person"] == cast.host.pk
    assert form.initial["host_coop"] == cast.host_coop.pk
    assert form.initial["skill_names"] == ["Wagtail"]
    assert 'value="Need a Wagtail hand"' in response.content.decode()

    data = proposal(cast, side="helper", other_person=cast.host.pk)
    client_as(cast.helper.user).post(f"/exchanges/new/?listing={need.pk}", data)
    assert Exchange.objects.get().listing == need


def test_helper_query_prefills_the_other_person(cast, client_as):
    response = client_as(cast.host.user).get(f"/exchanges/new/?helper={cast.helper.pk}")
    assert response.context["form"].initial == {"side": "host", "other_person": cast.helper.pk}


def test_an_unknown_listing_is_not_found(cast, client_as):
    assert client_as(cast.host.user).get("/exchanges/new/?listing=999999").status_code == 404


def test_the_proposer_edits_the_draft(cast, client_as):
    exchange = make_exchange(cast.host, cast.helper, host_coop=cast.host_coop)
    client = client_as(cast.host.user)
    form = client.get(f"/exchanges/{exchange.pk}/edit/").context["form"]
    assert form.initial["side"] == "host"
    data = proposal(cast, title="A better title", helper_coop="", share_network="650")
    data["share_host_coop"] = "0"
    response = client.post(f"/exchanges/{exchange.pk}/edit/", data)
    assert response.status_code == 302
    exchange.refresh_from_db()
    assert exchange.title == "A better title"
    assert exchange.events.last().kind == ExchangeEvent.Kind.EDITED


def test_a_proposed_exchange_cannot_be_edited(cast, client_as):
    exchange = make_exchange(cast.host, cast.helper, state=State.PROPOSED)
    response = client_as(cast.host.user).post(
        f"/exchanges/{exchange.pk}/edit/", proposal(cast), follow=True
    )
    assert "Only a draft can be edited." in response.content.decode()
    exchange.refresh_from_db()
    assert exchange.title != "Help with our Django upgrade"


def test_changing_terms_with_shares_that_do_not_add_up_is_refused(cast, client_as):
    exchange = cast.exchange(State.AGREEMENT)
    data = {
        "goals": "New goals",
        "deliverables": "",
        "check_ins": "",
        "currency": "GBP",
        "cost_time": "500",
        "cost_travel": "0",
        "cost_other": "0",
        "share_host_coop": "100",
        "share_helper_coop": "100",
        "share_network": "100",
    }
    client = client_as(cast.helper.user)
    response = client.post(f"/exchanges/{exchange.pk}/terms/", data)
    assert "the total cost is 500.00" in str(response.context["form"].errors["share_network"])
    exchange.refresh_from_db()
    assert exchange.goals != "New goals"

    data["share_network"] = "300"
    response = client.post(f"/exchanges/{exchange.pk}/terms/", data)
    assert response.status_code == 302
    exchange.refresh_from_db()
    assert exchange.goals == "New goals"
    assert exchange.share_network == Decimal("300")
