"""Member profiles: someone's page, your own page, and its form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from profiles.access import get_member_for_user
from profiles.forms.profiles import MemberForm
from profiles.models import (
    ContactVisibility,
    Coop,
    Invitation,
    JoinRequest,
    Member,
    Membership,
    MemberSkill,
)
from profiles.suggestions import skill_suggestions
from profiles.views.helpers import redirect_back


def _with_profile_parts(queryset, *, public_coops_only=True):
    """A member with skills and co-ops prefetched: one query each."""
    memberships = Membership.objects.select_related("coop").order_by("coop__name")
    if public_coops_only:
        memberships = memberships.filter(coop__status=Coop.Status.APPROVED)
    return queryset.prefetch_related(
        Prefetch(
            "skill_links", MemberSkill.objects.select_related("skill").order_by("skill__name")
        ),
        Prefetch("memberships", memberships),
    )


@login_required
def member_detail(request, pk):
    """A member's profile, for signed-in members only (people's details are not for crawlers)."""
    access = get_member_for_user(request, pk)
    member = _with_profile_parts(Member.objects.select_related("user")).get(pk=access.member.pk)
    return render(
        request,
        "profiles/member_detail.html",
        {"access": access, "member": member, "profile": member},
    )


@login_required
def me(request):
    """Your own profile as others see it, your co-ops, invitations and requests."""
    member = _with_profile_parts(
        Member.objects.select_related("user"), public_coops_only=False
    ).get(user=request.user)
    addresses = {request.user.email} | set(
        request.user.emailaddress_set.filter(verified=True).values_list("email", flat=True)
    )
    email_match = Q()
    for address in addresses - {""}:
        email_match |= Q(email__iexact=address)
    invitations = (
        Invitation.objects.filter(email_match, accepted_at=None)
        .exclude(coop__memberships__member=member)
        .select_related("coop")
        if email_match
        else []
    )
    return render(
        request,
        "profiles/me.html",
        {
            "member": member,
            "profile": member,
            "contacts": member.contacts_visible_at(ContactVisibility.ADMINS),
            "invitations": invitations,
            "join_requests": member.join_requests.filter(
                status=JoinRequest.Status.PENDING
            ).select_related("coop"),
        },
    )


@login_required
def me_edit(request):
    """Review and edit your profile; saving it confirms it is accurate."""
    member = _with_profile_parts(Member.objects).get(user=request.user)
    form = MemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        form.save_profile()
        messages.success(request, "Your profile is saved and confirmed as accurate.")
        return redirect("profiles:me")
    return render(
        request,
        "profiles/member_form.html",
        {
            "form": form,
            "member": member,
            "profile": member,
            "skill_suggestions": skill_suggestions(),
        },
    )


@login_required
@require_POST
def me_confirm(request):
    """ "Still accurate": confirm your profile without changing it."""
    request.user.member.confirm()
    messages.success(request, "Thank you: your profile is confirmed as accurate.")
    return redirect_back(request, "/me/")
