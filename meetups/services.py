"""
The meetups workflow: every step a person (or a daily command) takes on cells, founder
terms, meetups, replies and shout-outs, in one place.

Each step that checks a state locks the row holding it (`select_for_update()`) inside one
transaction, so two steps on one cell or meetup run one after the other, even on two
servers; an illegal step raises RotationError or MeetupError, whose message is for people,
and changes nothing. Views, commands and the admin only call these functions.
"""

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from core.slugs import unique_slug
from meetups.models import (
    RSVP,
    Cell,
    CellMembership,
    FounderTerm,
    Meetup,
    MeetupError,
    RotationError,
)

# Cells


def _lock_cell(cell):
    """The cell's row, locked until the transaction ends, read afresh."""
    return Cell.objects.select_for_update().get(pk=cell.pk)


def propose_cell(cell, by):
    """
    `by` proposes `cell` (unsaved, from the proposal form): it waits for the steering group,
    under a slug of its own.
    """
    cell.status = Cell.Status.PROPOSED
    cell.proposed_by = by
    cell.slug = unique_slug(cell.name, Cell.objects, max_length=100, fallback="cell")
    cell.save()
    return cell


def approve_cells(cells):
    """The steering group approves the proposals among `cells`; returns how many."""
    return cells.filter(status=Cell.Status.PROPOSED).update(status=Cell.Status.ACTIVE)


def join_cell(cell, member):
    """Add `member` to an active cell (joining twice changes nothing)."""
    with transaction.atomic():
        cell = _lock_cell(cell)
        if cell.status != Cell.Status.ACTIVE:
            raise RotationError("This cell is still waiting for the steering group.")
        membership, _ = CellMembership.objects.get_or_create(cell=cell, member=member)
        return membership


def leave_cell(cell, member):
    """
    Take `member` out of the cell. A founder who leaves ends their term and the next in line
    is asked; a proposed founder who leaves counts as passing. Returns the proposed term or None.
    """
    with transaction.atomic():
        cell = _lock_cell(cell)
        deleted, _ = CellMembership.objects.filter(cell=cell, member=member).delete()
        if not deleted:
            raise RotationError("You are not a member of this cell.")
        term = (
            cell.founder_terms.select_for_update()
            .filter(member=member, status__in=FounderTerm.OPEN)
            .first()
        )
        if term is None:
            return None
        if term.status == FounderTerm.Status.SERVING:
            term.close(FounderTerm.Status.SERVED)
            cell.rotation_round += 1
            cell.save(update_fields=["rotation_round"])
        else:
            term.close(FounderTerm.Status.PASSED)
        return _propose_next(cell)


# Founder rotation


def _propose(cell, member):
    return FounderTerm.objects.create(
        cell=cell, member=member, round=cell.rotation_round, status=FounderTerm.Status.PROPOSED
    )


def _propose_next(cell):
    """Ask the next in line (call with the cell locked); None when nobody is left."""
    member = cell.next_in_line()
    return _propose(cell, member) if member else None


def rotate_founder(cell, to=None):
    """
    Hand the founder's role on: end the current term and ask the next in line, or `to`
    (a champion's choice, who must be a cell member). Returns the proposed term.
    """
    with transaction.atomic():
        cell = _lock_cell(cell)
        if to is not None and not cell.memberships.filter(member=to).exists():
            raise RotationError(
                f"{to} is not a member of this cell, so cannot be founder.", field="to"
            )
        term = cell.founder_terms.select_for_update().filter(status__in=FounderTerm.OPEN).first()
        if term and term.status == FounderTerm.Status.PROPOSED:
            if to is None:
                raise RotationError(
                    f"{term.member} has been asked to be founder and has not answered yet; "
                    "choose someone by name to ask them instead.",
                    field="to",
                )
            term.close(FounderTerm.Status.PASSED)
        else:
            if term:
                term.close(FounderTerm.Status.SERVED)
            cell.rotation_round += 1
            cell.save(update_fields=["rotation_round"])
        proposed = _propose(cell, to) if to else _propose_next(cell)
        if proposed is None:
            raise RotationError("The cell has no members to ask to be founder.")
        return proposed


def _lock_proposed_term(term, member):
    """The term, locked and read afresh; only `member`, who was asked, may answer it."""
    term = FounderTerm.objects.select_for_update().select_related("cell").get(pk=term.pk)
    if term.status != FounderTerm.Status.PROPOSED:
        raise RotationError("This invitation to be founder has already been answered.")
    if term.member_id != member.pk:
        raise RotationError("Only the member who was asked can answer.")
    return term


def accept_founder_term(term, member):
    """The proposed member takes on the founder's role from now."""
    with transaction.atomic():
        Cell.objects.select_for_update().get(pk=term.cell_id)
        term = _lock_proposed_term(term, member)
        if not term.cell.memberships.filter(member=member).exists():
            raise RotationError("You are no longer a member of this cell.")
        term.status = FounderTerm.Status.SERVING
        term.started_on = timezone.now()
        term.save(update_fields=["status", "started_on"])
        return term


def pass_founder_term(term, member):
    """The proposed member passes; the next in line is asked (returns their term or None)."""
    with transaction.atomic():
        cell = Cell.objects.select_for_update().get(pk=term.cell_id)
        term = _lock_proposed_term(term, member)
        term.close(FounderTerm.Status.PASSED)
        return _propose_next(cell)


# Reminders to quiet cells


def cells_due_a_quiet_reminder(now):
    """
    Quiet cells not yet reminded in this quiet spell. A spell ends when a meetup starts
    after the last reminder, so a cell reminded before its latest meetup is due again.
    """
    return (
        Cell.objects.quiet(now)
        .with_last_meetup()
        .filter(Q(quiet_reminded_at=None) | Q(last_meetup_at__gt=F("quiet_reminded_at")))
        .prefetch_related("champions__user", "founder_terms__member__user")
    )


def quiet_reminder_recipients(cell):
    """Champions and the current founder, by address (one person once)."""
    emails = {member.user.email for member in cell.champions.all() if member.user.is_active}
    for term in cell.founder_terms.all():
        if term.status == FounderTerm.Status.SERVING and term.member.user.is_active:
            emails.add(term.member.user.email)
    return sorted(email for email in emails if email)


def remind_quiet_cell(cell, now, send):
    """
    Claim this quiet spell's reminder for `cell` (as read by cells_due_a_quiet_reminder) and
    call `send()`. Returns False, sending nothing, when another run reminded it meanwhile.
    The claim and the send share one transaction: if sending fails the cell stays due.
    """
    with transaction.atomic():
        locked = _lock_cell(cell)
        if locked.quiet_reminded_at != cell.quiet_reminded_at:
            return False
        send()
        locked.quiet_reminded_at = now
        locked.save(update_fields=["quiet_reminded_at"])
        return True


# Meetups


def _lock_meetup(meetup):
    return Meetup.objects.select_for_update().get(pk=meetup.pk)


def _check_times(meetup):
    if meetup.ends_at <= meetup.starts_at:
        raise MeetupError("The meetup must end after it starts.")


def schedule_meetup(cell, by, **fields):
    """A new meetup of `cell` (or a national gathering when `cell` is None)."""
    with transaction.atomic():
        if cell is not None:
            cell = _lock_cell(cell)
        meetup = Meetup(cell=cell, created_by=by, **fields)
        _check_times(meetup)
        meetup.save()
        return meetup


def change_meetup(meetup, **fields):
    """
    Change the details of a scheduled meetup. The capacity cannot go below the number
    already going; a larger one lets people in from the waiting list, in order.
    """
    with transaction.atomic():
        meetup = _lock_meetup(meetup)
        if meetup.status != Meetup.Status.SCHEDULED:
            raise MeetupError("Only a scheduled meetup can be changed.")
        for name, value in fields.items():
            setattr(meetup, name, value)
        _check_times(meetup)
        going = meetup.going_count()
        if meetup.capacity is not None and meetup.capacity < going:
            raise MeetupError(
                f"{going} people are already going: the capacity cannot be below {going}.",
                field="capacity",
            )
        meetup.sequence += 1
        meetup.save()
        _promote_waiting(meetup)
        return meetup


def cancel_meetup(meetup):
    """Call the meetup off; it stays in the calendars, marked cancelled."""
    with transaction.atomic():
        meetup = _lock_meetup(meetup)
        if meetup.status != Meetup.Status.SCHEDULED:
            raise MeetupError("Only a scheduled meetup can be cancelled.")
        meetup.status = Meetup.Status.CANCELLED
        meetup.sequence += 1
        meetup.save(update_fields=["status", "sequence", "updated_at"])
        return meetup


def record_meetup_held(meetup):
    """
    Record that the meetup took place; for a cell this rotates the founder, so the next
    in line is asked to convene the next one. Returns the proposed founder term or None.
    """
    with transaction.atomic():
        meetup = _lock_meetup(meetup)
        if meetup.status != Meetup.Status.SCHEDULED:
            raise MeetupError("This meetup has already been recorded or was cancelled.")
        if not meetup.has_ended:
            raise MeetupError("A meetup can only be recorded as held once it has ended.")
        meetup.status = Meetup.Status.HELD
        meetup.save(update_fields=["status", "updated_at"])
        if meetup.cell is None or not meetup.cell.memberships.exists():
            return None
        try:
            return rotate_founder(meetup.cell)
        except RotationError:
            # Someone is already asked and has not answered: they convene the next one.
            return None


def reply_to_meetup(meetup, member, answer):
    """
    Record `member`'s answer (going, maybe, not going). Going to a full meetup puts them
    on the waiting list; someone going who changes their answer lets the first person
    waiting in. The meetup row is locked, so two people cannot take the last place.
    """
    if answer not in (RSVP.Status.GOING, RSVP.Status.MAYBE, RSVP.Status.NOT_GOING):
        raise MeetupError("Answer going, maybe or not going.")
    with transaction.atomic():
        meetup = _lock_meetup(meetup)
        if meetup.status != Meetup.Status.SCHEDULED or meetup.has_ended:
            raise MeetupError("Replies are closed: this meetup is over or cancelled.")
        rsvp = RSVP.objects.select_for_update().filter(meetup=meetup, member=member).first()
        was = rsvp.status if rsvp else None
        rsvp = rsvp or RSVP(meetup=meetup, member=member)
        if answer == RSVP.Status.GOING and was in (RSVP.Status.GOING, RSVP.Status.WAITING):
            return rsvp
        full = meetup.capacity is not None and meetup.going_count() >= meetup.capacity
        if answer == RSVP.Status.GOING and full:
            answer = RSVP.Status.WAITING
        rsvp.status = answer
        rsvp.answered_at = timezone.now()
        rsvp.save()
        if was == RSVP.Status.GOING:
            _promote_waiting(meetup)
        return rsvp


def _promote_waiting(meetup):
    """Let people in from the waiting list, first come first served (meetup row locked)."""
    waiting = meetup.rsvps.filter(status=RSVP.Status.WAITING).order_by("answered_at", "pk")
    if meetup.capacity is not None:
        waiting = waiting[: max(meetup.capacity - meetup.going_count(), 0)]
    promoted = list(waiting.values_list("pk", flat=True))
    RSVP.objects.filter(pk__in=promoted).update(status=RSVP.Status.GOING)
    return promoted


# Shout-outs


def post_shout_out(shout_out, author):
    """`author` puts up `shout_out` (unsaved, from the form)."""
    shout_out.author = author
    shout_out.save()
    return shout_out


def remove_shout_out(shout_out):
    """The author, or the steering group, takes a shout-out down."""
    shout_out.delete()
