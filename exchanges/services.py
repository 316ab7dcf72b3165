"""
The exchange workflow: every step a person can take, in one place.

Each step locks the exchange row (`select_for_update()`) inside one transaction,
checks who is acting and from which state, records an ExchangeEvent, and raises
ExchangeError when the step is not allowed, so nothing is ever half-done. Two
steps on one exchange therefore run one after the other, even on two servers.
E-mails go out once the transaction has committed.
"""

from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from core.steps import StepRefused
from exchanges import notify
from exchanges.agreements import agreement_terms, template_for_new_agreement
from exchanges.models import (
    Agreement,
    Approval,
    CompletionReport,
    Exchange,
    ExchangeEvent,
    ExchangeState,
    Signature,
)
from profiles.models import Membership, Skill
from profiles.models.skills import SkillKind

State = ExchangeState
Kind = ExchangeEvent.Kind
TERM_FIELDS = (
    "goals",
    "deliverables",
    "check_ins",
    "currency",
    "cost_time",
    "cost_travel",
    "cost_other",
    "share_host_coop",
    "share_helper_coop",
    "share_network",
)


class ExchangeError(StepRefused):
    """A step that is not allowed now (wrong state, stale version, already done)."""


class NotYourStep(ExchangeError):
    """The person may see the exchange but this step is not theirs to take."""


def _lock(exchange):
    """The exchange's row, locked until the transaction ends, read afresh."""
    return Exchange.objects.select_for_update().get(pk=exchange.pk)


def _record(exchange, actor, kind, *, to_state=None, note=""):
    """Move the exchange to `to_state` (if given) and write the event for it."""
    from_state = exchange.state
    if to_state is not None and to_state != from_state:
        exchange.state = to_state
        if to_state == State.ACTIVE:
            exchange.activated_at = timezone.now()
        if to_state in (State.COMPLETED, State.CANCELLED, State.DECLINED):
            exchange.finished_at = timezone.now()
        exchange.save(update_fields=["state", "activated_at", "finished_at", "updated_at"])
    return ExchangeEvent.objects.create(
        exchange=exchange,
        actor=actor,
        kind=kind,
        from_state=from_state,
        to_state=exchange.state,
        note=note,
    )


def _require_state(exchange, *states):
    if exchange.state not in states:
        raise ExchangeError(
            f"This exchange is {exchange.get_state_display().lower()}: "
            "that step is not possible now."
        )


def _admin_ids(coops):
    return set(
        Membership.objects.filter(coop__in=coops, role=Membership.Role.ADMIN).values_list(
            "member_id", flat=True
        )
    )


def _everyone(exchange):
    """Ids of the two people and the admins of the co-ops involved."""
    return {exchange.host_id, exchange.helper_id} | _admin_ids(exchange.coops_to_approve())


@contextmanager
def _step():
    """One transaction for the step; the e-mails it queued go out only if it commits."""
    mails: list[tuple] = []
    with transaction.atomic():
        yield mails
    for exchange, recipient_ids, subject, message in mails:
        notify.send(exchange, recipient_ids, subject, message)


def _mail(mails, exchange, recipient_ids, actor, subject, message):
    ids = set(recipient_ids) - {actor.pk if actor else None}
    mails.append((exchange, ids, subject, message))


# --- drafting ---------------------------------------------------------------------


def save_draft(exchange, member, skill_names):
    """
    Create a draft, or save the proposer's changes to one.

    `exchange` carries the new field values (from the form); the stored row is
    locked and checked first, so an exchange that moved on meanwhile is not overwritten.
    """
    with transaction.atomic():
        if exchange.pk is None:
            exchange.proposer = member
            exchange.state = State.DRAFT
            exchange.save()
            kind = Kind.CREATED
        else:
            stored = _lock(exchange)
            if stored.proposer_id != member.pk:
                raise NotYourStep("Only the person who proposed this exchange can edit it.")
            _require_state(stored, State.DRAFT)
            exchange.proposer_id, exchange.state = stored.proposer_id, stored.state
            exchange.save()
            kind = Kind.EDITED
        exchange.skills.set(Skill.objects.resolve(skill_names, SkillKind.TECH))
        _record(exchange, member, kind)
    return exchange


def propose(exchange, member):
    """The proposer sends the draft to the other person."""
    with _step() as mails:
        exchange = _lock(exchange)
        if member.pk != exchange.proposer_id:
            raise NotYourStep("Only the person who drafted this exchange can propose it.")
        _require_state(exchange, State.DRAFT)
        _record(exchange, member, Kind.PROPOSED, to_state=State.PROPOSED)
        _mail(
            mails,
            exchange,
            [exchange.counterpart.pk],
            member,
            f"{member} proposes an exchange: {exchange.title}",
            "Please read the proposal, then accept it, suggest changes or decline it.",
        )
    return exchange


def _require_counterpart(exchange, member):
    if member.pk == exchange.proposer_id or not exchange.is_person(member):
        raise NotYourStep("Only the person the proposal was sent to can answer it.")


def accept(exchange, member):
    """The other person accepts; the co-ops involved are asked to approve (if any)."""
    with _step() as mails:
        exchange = _lock(exchange)
        _require_counterpart(exchange, member)
        _require_state(exchange, State.PROPOSED)
        coops = exchange.coops_to_approve()
        if coops:
            _record(exchange, member, Kind.ACCEPTED, to_state=State.AWAITING_APPROVAL)
            _mail(
                mails,
                exchange,
                _admin_ids(coops) | {exchange.proposer_id},
                member,
                f"An exchange needs your co-op's approval: {exchange.title}",
                f"{member} accepted the proposal. An admin of each co-op involved "
                "approves or declines it.",
            )
        else:
            _record(exchange, member, Kind.ACCEPTED)
            _open_agreement(exchange, member, mails)
    return exchange


def suggest_changes(exchange, member, note):
    """The other person sends the proposal back to draft, saying what to change."""
    if not note.strip():
        raise ExchangeError("Say what you would like changed.")
    with _step() as mails:
        exchange = _lock(exchange)
        _require_counterpart(exchange, member)
        _require_state(exchange, State.PROPOSED)
        _record(exchange, member, Kind.CHANGES_SUGGESTED, to_state=State.DRAFT, note=note)
        _mail(
            mails,
            exchange,
            [exchange.proposer_id],
            member,
            f"{member} suggests changes: {exchange.title}",
            f"The proposal is back in draft for you to change and propose again.\n\n{note}",
        )
    return exchange


def decline(exchange, member, note=""):
    """The other person declines the proposal; the record is kept."""
    with _step() as mails:
        exchange = _lock(exchange)
        _require_counterpart(exchange, member)
        _require_state(exchange, State.PROPOSED)
        _record(exchange, member, Kind.DECLINED, to_state=State.DECLINED, note=note)
        _mail(
            mails,
            exchange,
            [exchange.proposer_id],
            member,
            f"{member} declined the exchange: {exchange.title}",
            note,
        )
    return exchange


# --- co-op approval ---------------------------------------------------------------


def _require_admin(exchange, member, coop):
    if coop not in exchange.coops_to_approve():
        raise ExchangeError(f"{coop} is not one of the co-ops in this exchange.")
    if member.pk not in exchange.admin_member_ids(coop):
        raise NotYourStep(f"Only an admin of {coop} can decide for {coop}.")


def _decided_already(exchange, coop):
    approval = exchange.approvals.filter(coop=coop).select_related("member").first()
    if approval is not None:
        raise ExchangeError(
            f"{approval.member} already {approval.get_decision_display().lower()} "
            f"this exchange for {coop}."
        )


def _decide(exchange, member, coop, decision, note):
    """Lock the exchange and record `coop`'s decision by its admin `member`, once per co-op."""
    exchange = _lock(exchange)
    _require_admin(exchange, member, coop)
    _require_state(exchange, State.AWAITING_APPROVAL)
    _decided_already(exchange, coop)
    Approval.objects.create(
        exchange=exchange, coop=coop, member=member, decision=decision, note=note
    )
    return exchange


def approve(exchange, member, coop, note=""):
    """
    An admin approves the exchange for their co-op. When the last co-op's
    approval is in, the agreement is drafted and the exchange moves on by itself.
    """
    with _step() as mails:
        exchange = _decide(exchange, member, coop, Approval.Decision.APPROVED, note)
        _record(exchange, member, Kind.APPROVED, note=f"For {coop}. {note}".strip())
        if exchange.coops_awaiting_approval():
            _mail(
                mails,
                exchange,
                [exchange.host_id, exchange.helper_id],
                member,
                f"{coop} approved the exchange: {exchange.title}",
                "Waiting for the other co-op's approval.",
            )
        else:
            _open_agreement(exchange, member, mails)
    return exchange


def decline_approval(exchange, member, coop, note):
    """An admin declines the exchange for their co-op: it ends, declined, with the reason."""
    if not note.strip():
        raise ExchangeError("Give the reason, so the people involved understand.")
    with _step() as mails:
        exchange = _decide(exchange, member, coop, Approval.Decision.DECLINED, note)
        _record(
            exchange,
            member,
            Kind.APPROVAL_DECLINED,
            to_state=State.DECLINED,
            note=f"For {coop}. {note}",
        )
        _mail(
            mails,
            exchange,
            _everyone(exchange),
            member,
            f"{coop} declined the exchange: {exchange.title}",
            note,
        )
    return exchange


# --- the agreement ----------------------------------------------------------------


def _write_agreement(exchange):
    """A new version of the agreement from the current template and terms."""
    template = template_for_new_agreement()
    version = (exchange.current_agreement.version + 1) if exchange.current_agreement else 1
    agreement = Agreement.objects.create(
        exchange=exchange,
        version=version,
        title=template.title,
        text=template.text,
        terms=agreement_terms(exchange),
    )
    exchange.current_agreement = agreement
    exchange.save(update_fields=["current_agreement", "updated_at"])
    return agreement


def _open_agreement(exchange, actor, mails):
    """Every approval is in (or none was needed): draft the agreement for signing."""
    agreement = _write_agreement(exchange)
    _record(
        exchange,
        actor,
        Kind.AGREEMENT_DRAFTED,
        to_state=State.AGREEMENT,
        note=f"Version {agreement.version}.",
    )
    _mail(
        mails,
        exchange,
        _everyone(exchange),
        None,
        f"Please sign the agreement: {exchange.title}",
        "The exchange is agreed in principle. Read the agreement and sign it; "
        "the exchange starts when everyone has signed.",
    )


def change_terms(exchange, member, terms):
    """
    One of the two people changes the agreement's terms (goals, deliverables,
    check-ins, costs and co-budget). If anyone has signed, the change makes a new
    version and everyone signs again; the old signatures stay with the old version.
    """
    unknown = set(terms) - set(TERM_FIELDS)
    if unknown:
        raise ValueError(f"not agreement terms: {sorted(unknown)}")
    with _step() as mails:
        exchange = _lock(exchange)
        if not exchange.is_person(member):
            raise NotYourStep("Only the two people in the exchange can change its terms.")
        _require_state(exchange, State.AGREEMENT)
        for name, value in terms.items():
            setattr(exchange, name, value)
        exchange.save(update_fields=[*terms, "updated_at"])
        agreement = exchange.current_agreement
        if agreement.signatures.exists():
            agreement = _write_agreement(exchange)
            note = f"Version {agreement.version}: everyone signs again."
        else:
            agreement.terms = agreement_terms(exchange)
            agreement.save(update_fields=["terms"])
            note = f"Version {agreement.version} updated before anyone signed."
        _record(exchange, member, Kind.TERMS_CHANGED, note=note)
        _mail(
            mails,
            exchange,
            _everyone(exchange),
            member,
            f"{member} changed the terms: {exchange.title}",
            f"{note} Please read the agreement again.",
        )
    return exchange


def sign(exchange, member, version):
    """
    Sign the current version of the agreement, for every party `member` may sign
    for (themselves, and the co-ops they administer). When the last signature is
    in, the exchange becomes active. A version that is no longer current is refused.
    """
    with _step() as mails:
        exchange = _lock(exchange)
        _require_state(exchange, State.AGREEMENT)
        agreement = exchange.current_agreement
        if agreement.version != version:
            raise ExchangeError(
                f"The terms changed: version {agreement.version} is now current. "
                "Read it, then sign again."
            )
        mine = [
            (party, coop)
            for party, coop in exchange.signing_parties()
            if exchange.may_sign_for(member, party, coop)
        ]
        if not mine:
            raise NotYourStep("You are not one of the people who sign this agreement.")
        to_sign = [p for p in exchange.missing_signatures() if p in mine]
        if not to_sign:
            raise ExchangeError(f"You have already signed version {agreement.version}.")
        for party, coop in to_sign:
            Signature.objects.create(agreement=agreement, party=party, coop=coop, member=member)
        names = ", ".join(str(coop) if coop else "themselves" for _, coop in to_sign)
        _record(exchange, member, Kind.SIGNED, note=f"Version {version}, for {names}.")
        if not exchange.missing_signatures():
            _record(exchange, member, Kind.ACTIVATED, to_state=State.ACTIVE)
            _mail(
                mails,
                exchange,
                _everyone(exchange),
                None,
                f"Everyone signed: the exchange is active: {exchange.title}",
                "When it is done, each of you confirms it with the days spent, "
                "the actual costs and a short reflection.",
            )
    return exchange


# --- the end ----------------------------------------------------------------------


def report_done(exchange, member, *, days_spent, actual_cost, reflection):
    """One of the two people confirms it is done; when both have, it is completed."""
    with _step() as mails:
        exchange = _lock(exchange)
        if not exchange.is_person(member):
            raise NotYourStep("Only the two people in the exchange confirm it is done.")
        _require_state(exchange, State.ACTIVE)
        if exchange.completion_reports.filter(member=member).exists():
            raise ExchangeError("You have already confirmed this exchange is done.")
        CompletionReport.objects.create(
            exchange=exchange,
            member=member,
            days_spent=days_spent,
            actual_cost=actual_cost,
            reflection=reflection,
        )
        _record(exchange, member, Kind.DONE_REPORTED, note=f"{days_spent} days spent.")
        if exchange.completion_reports.count() == 2:
            _record(exchange, member, Kind.COMPLETED, to_state=State.COMPLETED)
            subject, recipients = f"Exchange completed: {exchange.title}", _everyone(exchange)
        else:
            subject = f"{member} confirmed the exchange is done: {exchange.title}"
            recipients = {exchange.host_id, exchange.helper_id}
        _mail(mails, exchange, recipients, member, subject, reflection)
    return exchange


def cancel(exchange, member, reason):
    """Either person, or an admin of a co-op involved, ends it before completion."""
    if not reason.strip():
        raise ExchangeError("Give the reason for cancelling.")
    with _step() as mails:
        exchange = _lock(exchange)
        if not (exchange.is_person(member) or exchange.admin_coops_of(member)):
            raise NotYourStep(
                "Only the people in the exchange or their co-ops' admins can cancel it."
            )
        if exchange.is_finished:
            raise ExchangeError(f"This exchange is already {exchange.get_state_display().lower()}.")
        _record(exchange, member, Kind.CANCELLED, to_state=State.CANCELLED, note=reason)
        _mail(
            mails,
            exchange,
            _everyone(exchange),
            member,
            f"{member} cancelled the exchange: {exchange.title}",
            reason,
        )
    return exchange
