"""
Who may see and change co-ops and member profiles: one helper per object type.

Outsiders get 404 for what they may not see (so a pending co-op's existence does
not leak); those who may see but not change get 403.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from profiles.models import ContactVisibility, Coop, Member, Membership


@dataclass
class CoopAccess:
    """A co-op as one viewer sees it."""

    coop: Coop
    membership: Membership | None  # the viewer's, if they belong
    can_manage: bool  # an admin of the co-op, or staff
    contact_level: str  # the most private ContactVisibility the viewer may see

    @property
    def contacts(self):
        return self.coop.contacts_visible_at(self.contact_level)


def coop_contact_level(user, is_admin):
    if not user.is_authenticated:
        return ContactVisibility.PUBLIC
    if is_admin or user.is_staff:
        return ContactVisibility.ADMINS
    return ContactVisibility.MEMBERS


def get_coop_for_user(request, slug, *, manage=False, queryset=None):
    """
    The co-op at `slug` as `request.user` may see it (two queries).

    404 if they may not see it (not approved and not theirs); with `manage`, 403
    if they may see it but are neither one of its admins nor staff.
    """
    user = request.user
    coop = get_object_or_404(queryset if queryset is not None else Coop.objects, slug=slug)
    membership = None
    if user.is_authenticated:
        membership = Membership.objects.filter(coop=coop, member__user=user).first()
    is_admin = membership is not None and membership.is_admin
    can_manage = is_admin or (user.is_authenticated and user.is_staff)
    if not coop.is_public and not can_manage:
        raise Http404("No such co-op.")
    if manage and not can_manage:
        raise PermissionDenied("Only the co-op's admins can change it.")
    return CoopAccess(coop, membership, can_manage, coop_contact_level(user, is_admin))


@dataclass
class MemberAccess:
    member: Member
    is_self: bool
    contact_level: str

    @property
    def contacts(self):
        return self.member.contacts_visible_at(self.contact_level)


def get_member_for_user(request, pk):
    """
    A member's profile for a signed-in viewer (the view requires sign-in).

    Profiles without a display name are not listed: 404 to everyone but their
    owner and staff. "Co-op admins only" contact details show to the admins of
    the member's co-ops, the member and staff.
    """
    user = request.user
    member = get_object_or_404(Member.objects.select_related("user"), pk=pk)
    is_self = member.user_id == user.pk
    if not (member.is_listed or is_self or user.is_staff):
        raise Http404("No such member.")
    if (
        is_self
        or user.is_staff
        or Membership.objects.filter(
            member__user=user,
            role=Membership.Role.ADMIN,
            coop__memberships__member=member,
        ).exists()
    ):
        level = ContactVisibility.ADMINS
    else:
        level = ContactVisibility.MEMBERS
    return MemberAccess(member, is_self, level)


def require_staff(request):
    """The steering group's pages: 404 for everyone else, who need not know they exist."""
    if not request.user.is_staff:
        raise Http404("No such page.")
