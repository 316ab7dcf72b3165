"""
Workflow steps that span several models: creating a co-op, and who belongs to it.

Each step locks the rows it decides on inside one transaction, raises ProfileError
on an illegal step, and returns what it made or changed. Views only call these.
The last-admin rule is checked with every membership of the co-op locked, so two
admins demoting each other at the same moment cannot leave a co-op with none.
"""

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from core.slugs import unique_slug
from profiles.models import Coop, Invitation, JoinRequest, Member, Membership
from profiles.models.shared import ProfileError

Role = Membership.Role


def create_coop(founder, coop):
    """A member creates the (unsaved) `coop` and becomes its first admin; it waits for approval."""
    with transaction.atomic():
        coop.status = Coop.Status.PENDING
        coop.slug = unique_slug(coop.name, Coop.objects, max_length=80, fallback="coop")
        coop.mark_confirmed()
        coop.save()
        Membership.objects.create(coop=coop, member=founder, role=Role.ADMIN)
    return coop


def _lock_memberships(coop):
    """Lock every membership of `coop` and return them by member id."""
    return {m.member_id: m for m in Membership.objects.select_for_update().filter(coop=coop)}


def _require_admin(memberships, member, *, staff=False):
    current = memberships.get(member.pk)
    if not staff and (current is None or current.role != Role.ADMIN):
        raise ProfileError("Only the co-op's admins can do that.")


def _admin_count(memberships):
    return sum(1 for m in memberships.values() if m.role == Role.ADMIN)


def change_role(membership, role, *, by, staff=False):
    """An admin promotes a member to admin or demotes an admin; the last admin stays."""
    role = Role(role)
    with transaction.atomic():
        memberships = _lock_memberships(membership.coop_id)
        _require_admin(memberships, by, staff=staff)
        current = memberships.get(membership.member_id)
        if current is None:
            raise ProfileError("That person is no longer a member.")
        if current.role == role:
            return current
        if current.role == Role.ADMIN and _admin_count(memberships) == 1:
            raise ProfileError("A co-op needs at least one admin: promote someone else first.")
        current.role = role
        current.save(update_fields=["role"])
    return current


def remove_membership(membership, *, by, staff=False):
    """An admin removes someone, or a person leaves; the last admin cannot go."""
    with transaction.atomic():
        memberships = _lock_memberships(membership.coop_id)
        current = memberships.get(membership.member_id)
        if current is None:
            raise ProfileError("That person is no longer a member.")
        if by.pk != current.member_id:
            _require_admin(memberships, by, staff=staff)
        if current.role == Role.ADMIN and _admin_count(memberships) == 1:
            raise ProfileError(
                "The last admin cannot leave or be removed: make someone else an admin first."
            )
        current.delete()


def invite(coop, email, role, *, by, staff=False):
    """An admin (or staff) invites someone by e-mail address; they join when they accept."""
    email = email.strip()
    with transaction.atomic():
        memberships = _lock_memberships(coop)
        _require_admin(memberships, by, staff=staff)
        already = Member.objects.filter(
            Q(user__email__iexact=email) | Q(user__emailaddress__email__iexact=email),
            memberships__coop=coop,
        )
        if already.exists():
            raise ProfileError(f"{email} already belongs to {coop.name}.", field="email")
        if coop.invitations.filter(email__iexact=email, accepted_at=None).exists():
            raise ProfileError(f"{email} has already been invited.", field="email")
        try:
            with transaction.atomic():
                return Invitation.objects.create(coop=coop, email=email, role=role, invited_by=by)
        except IntegrityError:
            raise ProfileError(f"{email} has already been invited.", field="email") from None


def _addresses_of(user):
    addresses = {user.email.casefold()} if user.email else set()
    addresses |= {
        address.casefold()
        for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    }
    return addresses


def accept_invitation(invitation, member):
    """The invitee, signed in with the invited address, joins the co-op."""
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().select_related("coop").get(pk=invitation.pk)
        if locked.accepted_at:
            raise ProfileError("This invitation has already been used.")
        if locked.email.casefold() not in _addresses_of(member.user):
            raise ProfileError(
                f"This invitation was sent to {locked.email}: sign in with that address to accept."
            )
        memberships = _lock_memberships(locked.coop)
        if member.pk in memberships:
            raise ProfileError(f"You already belong to {locked.coop.name}.")
        membership = Membership.objects.create(coop=locked.coop, member=member, role=locked.role)
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
        # Asking and being invited at once: the request is settled by the invitation.
        JoinRequest.objects.filter(
            coop=locked.coop, member=member, status=JoinRequest.Status.PENDING
        ).update(status=JoinRequest.Status.APPROVED, decided_at=locked.accepted_at)
    return membership


def request_to_join(coop, member, message=""):
    """A signed-in person asks to join an approved co-op they do not belong to."""
    with transaction.atomic():
        memberships = _lock_memberships(coop)
        if member.pk in memberships:
            raise ProfileError(f"You already belong to {coop.name}.")
        if coop.join_requests.filter(member=member, status=JoinRequest.Status.PENDING).exists():
            raise ProfileError(f"You have already asked to join {coop.name}.")
        return JoinRequest.objects.create(coop=coop, member=member, message=message.strip())


def decide_join_request(join_request, *, by, approve, staff=False):
    """An admin approves (the person becomes a member) or refuses a join request."""
    with transaction.atomic():
        locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        memberships = _lock_memberships(locked.coop_id)
        _require_admin(memberships, by, staff=staff)
        if locked.status != JoinRequest.Status.PENDING:
            raise ProfileError("This request has already been decided.")
        locked.status = JoinRequest.Status.APPROVED if approve else JoinRequest.Status.REFUSED
        locked.decided_at = timezone.now()
        locked.decided_by = by
        locked.save(update_fields=["status", "decided_at", "decided_by"])
        if approve and locked.member_id not in memberships:
            Membership.objects.create(coop_id=locked.coop_id, member_id=locked.member_id)
    return locked
