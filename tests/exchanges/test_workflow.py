"""The exchange workflow: each step, who may take it, the automatic moves, history and e-mails."""

from decimal import Decimal

import pytest

from exchanges import services
from exchanges.models import (
    Agreement,
    AgreementTemplate,
    Approval,
    Exchange,
    ExchangeEvent,
    Signature,
)
from exchanges.services import ExchangeError, NotYourStep
from tests.exchanges.factories import State, make_exchange
from tests.factories import make_member

pytestmark = pytest.mark.django_db
Kind = ExchangeEvent.Kind


def two_coop_exchange(cast, state=State.DRAFT, **fields):
    return make_exchange(
        cast.host,
        cast.helper,
        host_coop=cast.host_coop,
        helper_coop=cast.helper_coop,
        state=state,
        **fields,
    )


def kinds(exchange):
    return list(exchange.events.values_list("kind", flat=True))


def recipients(mailoutbox):
    return sorted(address for mail in mailoutbox for address in mail.to)


def test_the_whole_happy_path_with_two_coops(cast, mailoutbox):
    exchange = two_coop_exchange(cast, skills=["Django"])
    assert exchange.state == State.DRAFT

    services.propose(exchange, cast.host)
    assert recipients(mailoutbox) == ["helper@example.coop"]
    assert f"/exchanges/{exchange.pk}/" in mailoutbox[0].body
    mailoutbox.clear()

    services.accept(exchange, cast.helper)
    exchange.refresh_from_db()
    assert exchange.state == State.AWAITING_APPROVAL
    # Each co-op's admins are asked; the proposer hears it was accepted.
    assert recipients(mailoutbox) == sorted(
        ["owner@example.coop", "other-admin@example.coop", "member@example.coop"]
    )
    mailoutbox.clear()

    services.approve(exchange, cast.host_admin, cast.host_coop, "Fine by us")
    exchange.refresh_from_db()
    assert exchange.state == State.AWAITING_APPROVAL
    assert exchange.current_agreement is None

    services.approve(exchange, cast.helper_admin, cast.helper_coop)
    exchange.refresh_from_db()
    # The last approval moves it on by itself and drafts version 1.
    assert exchange.state == State.AGREEMENT
    assert exchange.current_agreement.version == 1
    assert "Mo Member for Owner Co-op" in exchange.current_agreement.terms
    assert "## Confidentiality" in exchange.current_agreement.text
    mailoutbox.clear()

    for person in cast.exchange_people()[:-1]:
        services.sign(exchange, person, 1)
        exchange.refresh_from_db()
        assert exchange.state == State.AGREEMENT
    services.sign(exchange, cast.helper_admin, 1)
    exchange.refresh_from_db()
    # The last signature makes it active.
    assert exchange.state == State.ACTIVE
    assert exchange.activated_at is not None
    assert Signature.objects.filter(agreement=exchange.current_agreement).count() == 4
    assert len(mailoutbox) == 4  # everyone hears it is active

    services.report_done(
        exchange,
        cast.helper,
        days_spent=Decimal("4"),
        actual_cost=Decimal("320"),
        reflection="Good pairing.",
    )
    exchange.refresh_from_db()
    assert exchange.state == State.ACTIVE
    services.report_done(
        exchange,
        cast.host,
        days_spent=Decimal("4"),
        actual_cost=Decimal("320"),
        reflection="We learned a lot.",
    )
    exchange.refresh_from_db()
    assert exchange.state == State.COMPLETED
    assert exchange.finished_at is not None

    assert kinds(exchange) == [
        Kind.CREATED,
        Kind.PROPOSED,
        Kind.ACCEPTED,
        Kind.APPROVED,
        Kind.APPROVED,
        Kind.AGREEMENT_DRAFTED,
        Kind.SIGNED,
        Kind.SIGNED,
        Kind.SIGNED,
        Kind.SIGNED,
        Kind.ACTIVATED,
        Kind.DONE_REPORTED,
        Kind.DONE_REPORTED,
        Kind.COMPLETED,
    ]
    accepted = exchange.events.get(kind=Kind.ACCEPTED)
    assert (accepted.actor, accepted.from_state, accepted.to_state) == (
        cast.helper,
        State.PROPOSED,
        State.AWAITING_APPROVAL,
    )
    assert exchange.events.filter(kind=Kind.APPROVED, note__contains="Fine by us").exists()


def test_without_coops_no_approval_is_needed(db):
    host, helper = make_member(), make_member()
    exchange = make_exchange(host, helper, state=State.PROPOSED)
    services.accept(exchange, helper)
    exchange.refresh_from_db()
    assert exchange.state == State.AGREEMENT
    assert exchange.signing_parties() == [("host", None), ("helper", None)]
    services.sign(exchange, host, 1)
    services.sign(exchange, helper, 1)
    exchange.refresh_from_db()
    assert exchange.state == State.ACTIVE


def test_one_side_with_a_coop_needs_only_that_approval(cast):
    freelancer = make_member("Fay Freelance")
    exchange = make_exchange(
        cast.host, freelancer, host_coop=cast.host_coop, state=State.AWAITING_APPROVAL
    )
    services.approve(exchange, cast.host_admin, cast.host_coop)
    exchange.refresh_from_db()
    assert exchange.state == State.AGREEMENT


def test_the_newest_agreement_template_is_used(cast):
    AgreementTemplate.objects.create(title="Our contract 2026", text="## Be kind\nAlways.")
    exchange = two_coop_exchange(cast, state=State.AGREEMENT)
    assert exchange.current_agreement.title == "Our contract 2026"
    assert exchange.current_agreement.text == "## Be kind\nAlways."


# --- refusals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "step", "who"),
    [
        (State.DRAFT, "propose", "helper"),
        (State.DRAFT, "propose", "host_admin"),
        (State.PROPOSED, "accept", "host"),  # the proposer cannot accept their own proposal
        (State.PROPOSED, "accept", "host_admin"),
        (State.PROPOSED, "decline", "host"),
        (State.AWAITING_APPROVAL, "approve", "helper_admin"),  # admin of the other co-op
        (State.AWAITING_APPROVAL, "approve", "host"),  # a member, not an admin
        (State.AGREEMENT, "sign", "outsider"),
        (State.AGREEMENT, "change_terms", "host_admin"),
        (State.ACTIVE, "report_done", "host_admin"),
        (State.ACTIVE, "cancel", "outsider"),
    ],
)
def test_the_wrong_person_is_refused_and_nothing_changes(cast, state, step, who):
    exchange = two_coop_exchange(cast, state=state)
    person = make_member("Out Sider") if who == "outsider" else getattr(cast, who)
    events = exchange.events.count()
    calls = {
        "propose": lambda: services.propose(exchange, person),
        "accept": lambda: services.accept(exchange, person),
        "decline": lambda: services.decline(exchange, person, "no"),
        "approve": lambda: services.approve(exchange, person, cast.host_coop),
        "sign": lambda: services.sign(exchange, person, 1),
        "change_terms": lambda: services.change_terms(exchange, person, {"goals": "x"}),
        "report_done": lambda: services.report_done(
            exchange, person, days_spent=1, actual_cost=0, reflection="x"
        ),
        "cancel": lambda: services.cancel(exchange, person, "why not"),
    }
    with pytest.raises(NotYourStep):
        calls[step]()
    exchange.refresh_from_db()
    assert exchange.state == state
    assert exchange.events.count() == events


@pytest.mark.parametrize(
    ("state", "step"),
    [
        (State.DRAFT, "accept"),
        (State.PROPOSED, "propose"),
        (State.PROPOSED, "approve"),
        (State.AGREEMENT, "approve"),
        (State.AWAITING_APPROVAL, "sign"),
        (State.AGREEMENT, "report_done"),
        (State.COMPLETED, "cancel"),
    ],
)
def test_a_step_from_the_wrong_state_is_refused(cast, state, step):
    exchange = two_coop_exchange(cast, state=state)
    events = exchange.events.count()
    calls = {
        "accept": lambda: services.accept(exchange, cast.helper),
        "propose": lambda: services.propose(exchange, cast.host),
        "approve": lambda: services.approve(exchange, cast.host_admin, cast.host_coop),
        "sign": lambda: services.sign(exchange, cast.host, 1),
        "report_done": lambda: services.report_done(
            exchange, cast.host, days_spent=1, actual_cost=0, reflection="x"
        ),
        "cancel": lambda: services.cancel(exchange, cast.host, "late"),
    }
    with pytest.raises(ExchangeError) as raised:
        calls[step]()
    assert not isinstance(raised.value, NotYourStep)
    exchange.refresh_from_db()
    assert exchange.state == state
    assert exchange.events.count() == events


def test_a_coop_approves_only_once(cast):
    second_admin = make_member("Second Admin")
    cast.host_coop.memberships.create(member=second_admin, role="admin")
    exchange = two_coop_exchange(cast, state=State.AWAITING_APPROVAL)
    services.approve(exchange, cast.host_admin, cast.host_coop)
    with pytest.raises(ExchangeError, match="Olu Owner already approved"):
        services.approve(exchange, second_admin, cast.host_coop)
    assert Approval.objects.filter(exchange=exchange).count() == 1


def test_signing_twice_is_refused(cast):
    exchange = two_coop_exchange(cast, state=State.AGREEMENT)
    services.sign(exchange, cast.host, 1)
    with pytest.raises(ExchangeError, match="already signed"):
        services.sign(exchange, cast.host, 1)
    assert exchange.current_agreement.signatures.count() == 1


def test_confirming_done_twice_is_refused(cast):
    exchange = two_coop_exchange(cast, state=State.ACTIVE)
    services.report_done(exchange, cast.host, days_spent=1, actual_cost=0, reflection="ok")
    with pytest.raises(ExchangeError, match="already confirmed"):
        services.report_done(exchange, cast.host, days_spent=2, actual_cost=0, reflection="ok")
    exchange.refresh_from_db()
    assert exchange.state == State.ACTIVE


# --- the agreement's versions -----------------------------------------------------


def test_changing_terms_after_a_signature_makes_a_new_version(cast, mailoutbox):
    exchange = two_coop_exchange(cast, state=State.AGREEMENT)
    services.sign(exchange, cast.host, 1)
    mailoutbox.clear()
    services.change_terms(exchange, cast.helper, {"goals": "Ship the new search page."})
    exchange.refresh_from_db()
    assert exchange.state == State.AGREEMENT
    assert exchange.current_agreement.version == 2
    assert "Ship the new search page." in exchange.current_agreement.terms
    # Signatures are cleared for the new version; the old one keeps its record.
    assert exchange.current_agreement.signatures.count() == 0
    assert Agreement.objects.get(exchange=exchange, version=1).signatures.count() == 1
    assert len(mailoutbox) == 3  # everyone but the person who changed them

    with pytest.raises(ExchangeError, match="version 2 is now current"):
        services.sign(exchange, cast.host_admin, 1)
    assert exchange.current_agreement.signatures.count() == 0
    services.sign(exchange, cast.host_admin, 2)
    assert exchange.current_agreement.signatures.count() == 1


def test_changing_terms_before_anyone_signed_rewrites_the_same_version(cast):
    exchange = two_coop_exchange(cast, state=State.AGREEMENT)
    services.change_terms(exchange, cast.host, {"deliverables": "A report"})
    exchange.refresh_from_db()
    assert exchange.current_agreement.version == 1
    assert "A report" in exchange.current_agreement.terms
    assert exchange.agreements.count() == 1


def test_an_admin_of_both_sides_signs_for_each_coop_at_once(cast):
    exchange = cast.exchange()
    cast.helper_coop.memberships.create(member=cast.host_admin, role="admin")
    exchange = cast.exchange(State.AGREEMENT)
    services.sign(exchange, cast.host_admin, 1)
    assert set(exchange.current_agreement.signatures.values_list("coop__name", flat=True)) == {
        "Owner Co-op",
        "Other Co-op",
    }


# --- ending -----------------------------------------------------------------------


def test_suggesting_changes_sends_it_back_to_draft_with_the_note(cast, mailoutbox):
    exchange = two_coop_exchange(cast, state=State.PROPOSED)
    mailoutbox.clear()
    services.suggest_changes(exchange, cast.helper, "Two days, not three.")
    exchange.refresh_from_db()
    assert exchange.state == State.DRAFT
    event = exchange.events.last()
    assert (event.kind, event.note) == (Kind.CHANGES_SUGGESTED, "Two days, not three.")
    assert recipients(mailoutbox) == ["member@example.coop"]
    assert "Two days, not three." in mailoutbox[0].body
    services.propose(exchange, cast.host)  # the proposer can propose again


def test_declining_keeps_the_record(cast):
    exchange = two_coop_exchange(cast, state=State.PROPOSED)
    services.decline(exchange, cast.helper, "No time")
    exchange.refresh_from_db()
    assert exchange.state == State.DECLINED
    assert Exchange.objects.filter(pk=exchange.pk).exists()


def test_a_coop_declining_ends_the_exchange(cast, mailoutbox):
    exchange = two_coop_exchange(cast, state=State.AWAITING_APPROVAL)
    mailoutbox.clear()
    services.decline_approval(exchange, cast.helper_admin, cast.helper_coop, "Busy season")
    exchange.refresh_from_db()
    assert exchange.state == State.DECLINED
    assert exchange.approvals.get().decision == Approval.Decision.DECLINED
    assert "Busy season" in mailoutbox[0].body
    with pytest.raises(ExchangeError):
        services.approve(exchange, cast.host_admin, cast.host_coop)


@pytest.mark.parametrize("who", ["host", "helper", "host_admin", "helper_admin"])
def test_either_side_or_their_admin_can_cancel_before_completion(cast, who):
    exchange = two_coop_exchange(cast, state=State.ACTIVE)
    services.cancel(exchange, getattr(cast, who), "The client paused the project")
    exchange.refresh_from_db()
    assert exchange.state == State.CANCELLED
    assert exchange.events.last().note == "The client paused the project"


def test_cancelling_needs_a_reason(cast):
    exchange = two_coop_exchange(cast, state=State.PROPOSED)
    with pytest.raises(ExchangeError, match="reason"):
        services.cancel(exchange, cast.host, "  ")
    exchange.refresh_from_db()
    assert exchange.state == State.PROPOSED


def test_only_the_proposer_edits_the_draft(cast):
    exchange = two_coop_exchange(cast)
    exchange.title = "Taken over"
    with pytest.raises(NotYourStep):
        services.save_draft(exchange, cast.helper, [])
    exchange.refresh_from_db()
    assert exchange.title != "Taken over"


def test_who_acts_next(cast):
    exchange = two_coop_exchange(cast, state=State.AWAITING_APPROVAL)
    exchange = Exchange.objects.with_workflow().get(pk=exchange.pk)
    assert [who for who, _ in exchange.waiting_on()] == [cast.host_coop, cast.helper_coop]
    assert exchange.is_waiting_for(cast.host_admin)
    assert not exchange.is_waiting_for(cast.host)


# --- who hears about each step ------------------------------------------------------


def test_each_step_emails_the_people_who_need_to_know(cast, mailoutbox):
    exchange = two_coop_exchange(cast, state=State.AWAITING_APPROVAL)
    mailoutbox.clear()
    services.approve(exchange, cast.host_admin, cast.host_coop)
    assert recipients(mailoutbox) == ["helper@example.coop", "member@example.coop"]
    assert mailoutbox[0].subject == "[CoTech Directory] Owner Co-op approved the exchange: " + (
        exchange.title
    )

    exchange = two_coop_exchange(cast, state=State.ACTIVE)
    mailoutbox.clear()
    services.report_done(exchange, cast.host, days_spent=2, actual_cost=0, reflection="Fine")
    assert recipients(mailoutbox) == ["helper@example.coop"]
    mailoutbox.clear()
    services.report_done(exchange, cast.helper, days_spent=2, actual_cost=0, reflection="Fine")
    assert recipients(mailoutbox) == sorted(
        ["member@example.coop", "owner@example.coop", "other-admin@example.coop"]
    )

    exchange = two_coop_exchange(cast, state=State.PROPOSED)
    mailoutbox.clear()
    services.cancel(exchange, cast.helper_admin, "Our co-op is closing")
    assert recipients(mailoutbox) == sorted(
        ["member@example.coop", "helper@example.coop", "owner@example.coop"]
    )
    assert "Our co-op is closing" in mailoutbox[0].body


def test_a_refused_step_sends_no_email(cast, mailoutbox):
    exchange = two_coop_exchange(cast, state=State.PROPOSED)
    mailoutbox.clear()
    with pytest.raises(NotYourStep):
        services.accept(exchange, cast.host)
    assert mailoutbox == []


def test_a_line_break_in_the_title_does_not_break_the_email(cast, mailoutbox):
    exchange = two_coop_exchange(cast, title="Two\nlines")
    mailoutbox.clear()
    services.propose(exchange, cast.host)
    assert mailoutbox[0].subject == "[CoTech Directory] Mo Member proposes an exchange: Two lines"
