"""A co-op's page, its profile form, its members, and the steering group's approval queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.caching import cached_for_visitors
from core.steps import refuse
from profiles import emails, services
from profiles.access import get_coop_for_user, require_staff
from profiles.forms.profiles import (
    CoopForm,
    InKindOfferFormSet,
    InvitationForm,
    JoinRequestForm,
    OfficeSpaceFormSet,
    ReviewForm,
    RoleForm,
)
from profiles.models import Coop, CoopSkill, Invitation, JoinRequest, Membership
from profiles.models.shared import ProfileError
from profiles.suggestions import skill_suggestions
from profiles.views.helpers import redirect_back


@cached_for_visitors
def coop_detail(request, slug):
    """
    A co-op's profile. Queries: the co-op, the viewer's membership, then one each
    for its skills, office spaces, in-kind offers and listed members.
    """
    access = get_coop_for_user(
        request,
        slug,
        queryset=Coop.objects.prefetch_related(
            Prefetch(
                "skill_links", CoopSkill.objects.select_related("skill").order_by("skill__name")
            ),
            "office_spaces",
            "in_kind_offers",
        ),
    )
    people = (
        access.coop.memberships.filter(member__display_name__gt="", member__user__is_active=True)
        .select_related("member")
        .order_by("-role", "member__display_name")
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "profiles/coop_detail.html",
        {"access": access, "coop": access.coop, "profile": access.coop, "people": people},
    )


def _coop_form_page(request, form, formsets, template, context):
    return render(
        request,
        template,
        {"form": form, "formsets": formsets, "skill_suggestions": skill_suggestions(), **context},
    )


def _formsets(request, coop):
    data = request.POST if request.method == "POST" else None
    return (
        OfficeSpaceFormSet(data, instance=coop, prefix="office"),
        InKindOfferFormSet(data, instance=coop, prefix="inkind"),
    )


@login_required
def coop_create(request):
    """A signed-in member creates a co-op; it waits for the steering group's approval."""
    coop = Coop()
    form = CoopForm(request.POST or None, request.FILES or None, instance=coop)
    formsets = _formsets(request, coop)
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in formsets):
        with transaction.atomic():
            services.create_coop(request.user.member, form.save(commit=False))
            form.save_profile()
            for formset in formsets:
                formset.instance = coop
                formset.save()
        messages.success(
            request,
            f"{coop.name} is created. It is visible to you now and will appear in the "
            "directory once the steering group has approved it.",
        )
        return redirect(coop)
    return _coop_form_page(
        request, form, formsets, "profiles/coop_form.html", {"title": "Add your co-op"}
    )


@login_required
def coop_edit(request, slug):
    """Review and edit a co-op's profile (its admins and staff); saving confirms it."""
    access = get_coop_for_user(request, slug, manage=True)
    coop = Coop.objects.prefetch_related(
        Prefetch("skill_links", CoopSkill.objects.select_related("skill").order_by("skill__name"))
    ).get(pk=access.coop.pk)
    form = CoopForm(request.POST or None, request.FILES or None, instance=coop)
    formsets = _formsets(request, coop)
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in formsets):
        with transaction.atomic():
            form.save_profile()
            for formset in formsets:
                formset.save()
        messages.success(request, f"{coop.name} is saved and confirmed as accurate.")
        return redirect(coop)
    return _coop_form_page(
        request,
        form,
        formsets,
        "profiles/coop_form.html",
        {"title": f"Edit {access.coop.name}", "coop": access.coop, "profile": access.coop},
    )


@login_required
@require_POST
def coop_confirm(request, slug):
    """ "Still accurate": an admin confirms the co-op's profile without changing it."""
    access = get_coop_for_user(request, slug, manage=True)
    access.coop.confirm()
    messages.success(request, f"Thank you: {access.coop.name} is confirmed as accurate.")
    return redirect_back(request, access.coop.get_absolute_url())


@login_required
def coop_members(request, slug):
    """An admin's page for the co-op's people: roles, removals, invitations, join requests."""
    access = get_coop_for_user(request, slug, manage=True)
    coop = access.coop
    invitation_form = InvitationForm(request.POST or None)
    if request.method == "POST" and invitation_form.is_valid():
        try:
            invitation = services.invite(
                coop,
                invitation_form.cleaned_data["email"],
                invitation_form.cleaned_data["role"],
                by=request.user.member,
                staff=request.user.is_staff,
            )
        except ProfileError as error:
            refuse(request, error, invitation_form)
        else:
            emails.send_invitation(invitation, request)
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("profiles:coop-members", coop.slug)
    return render(
        request,
        "profiles/coop_members.html",
        {
            "coop": coop,
            "memberships": coop.memberships.select_related("member__user").order_by(
                "-role", "member__display_name", "pk"
            ),
            "join_requests": coop.join_requests.filter(
                status=JoinRequest.Status.PENDING
            ).select_related("member"),
            "invitations": coop.invitations.filter(accepted_at=None),
            "invitation_form": invitation_form,
            "roles": Membership.Role,
        },
    )


def _membership_for_admin(request, slug, pk, *, manage=True):
    access = get_coop_for_user(request, slug, manage=manage)
    membership = get_object_or_404(
        Membership.objects.select_related("member", "coop"), coop=access.coop, pk=pk
    )
    return access, membership


@login_required
@require_POST
def membership_role(request, slug, pk):
    """Promote a member to admin or demote an admin."""
    access, membership = _membership_for_admin(request, slug, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose admin or member.")
    else:
        try:
            services.change_role(
                membership,
                form.cleaned_data["role"],
                by=request.user.member,
                staff=request.user.is_staff,
            )
        except ProfileError as error:
            refuse(request, error)
        else:
            messages.success(request, f"{membership.member} is now {form.cleaned_data['role']}.")
    return redirect("profiles:coop-members", access.coop.slug)


@login_required
def membership_remove(request, slug, pk):
    """Remove someone from the co-op, after a confirmation page."""
    access, membership = _membership_for_admin(request, slug, pk)
    if request.method == "POST":
        try:
            services.remove_membership(
                membership, by=request.user.member, staff=request.user.is_staff
            )
        except ProfileError as error:
            refuse(request, error)
        else:
            messages.success(request, f"{membership.member} no longer belongs to {access.coop}.")
        return redirect("profiles:coop-members", access.coop.slug)
    return render(
        request, "profiles/membership_remove.html", {"coop": access.coop, "membership": membership}
    )


@login_required
def coop_leave(request, slug):
    """Leave a co-op you belong to, after a confirmation page."""
    access = get_coop_for_user(request, slug)
    if access.membership is None:
        messages.error(request, f"You do not belong to {access.coop.name}.")
        return redirect(access.coop)
    if request.method == "POST":
        try:
            services.remove_membership(access.membership, by=request.user.member)
        except ProfileError as error:
            refuse(request, error)
            return redirect(access.coop)
        messages.success(request, f"You have left {access.coop.name}.")
        return redirect("profiles:me")
    return render(request, "profiles/coop_leave.html", {"coop": access.coop})


@login_required
def coop_join(request, slug):
    """Ask to join an approved co-op; its admins decide."""
    access = get_coop_for_user(request, slug)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            join_request = services.request_to_join(
                access.coop, request.user.member, form.cleaned_data["message"]
            )
        except ProfileError as error:
            refuse(request, error)
        else:
            emails.send_join_request(join_request, request)
            messages.success(request, f"Your request has gone to {access.coop.name}'s admins.")
        return redirect(access.coop)
    return render(request, "profiles/coop_join.html", {"coop": access.coop, "form": form})


@login_required
@require_POST
def join_request_decide(request, slug, pk, decision):
    """An admin approves or refuses a join request."""
    access = get_coop_for_user(request, slug, manage=True)
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("member"), coop=access.coop, pk=pk
    )
    try:
        services.decide_join_request(
            join_request,
            by=request.user.member,
            approve=decision == "approve",
            staff=request.user.is_staff,
        )
    except ProfileError as error:
        refuse(request, error)
    else:
        verb = "is now a member" if decision == "approve" else "was refused"
        messages.success(request, f"{join_request.member} {verb}.")
    return redirect("profiles:coop-members", access.coop.slug)


@login_required
def invitation_detail(request, token):
    """The invitee, signed in, sees the invitation and accepts it."""
    invitation = get_object_or_404(Invitation.objects.select_related("coop"), token=token)
    if request.method == "POST":
        try:
            services.accept_invitation(invitation, request.user.member)
        except ProfileError as error:
            refuse(request, error)
            return redirect("profiles:invitation", token)
        messages.success(request, f"Welcome to {invitation.coop.name}.")
        return redirect(invitation.coop)
    return render(request, "profiles/invitation.html", {"invitation": invitation})


@login_required
def coop_queue(request):
    """Staff: co-ops waiting for approval, oldest first, with their admins."""
    require_staff(request)
    pending = (
        Coop.objects.pending()
        .order_by("created_at", "pk")
        .prefetch_related(
            Prefetch(
                "memberships",
                Membership.objects.filter(role=Membership.Role.ADMIN).select_related(
                    "member__user"
                ),
                to_attr="admin_memberships",
            )
        )
    )
    return render(request, "profiles/coop_queue.html", {"pending": pending, "form": ReviewForm()})


@login_required
@require_POST
def coop_review(request, slug, decision):
    """Staff approve or refuse a co-op; the note is e-mailed to its admins."""
    require_staff(request)
    coop = get_object_or_404(Coop, slug=slug)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Keep the note to 2000 characters.")
        return redirect("profiles:coop-queue")
    try:
        if decision == "approve":
            coop.approve(request.user, form.cleaned_data["note"])
        else:
            coop.refuse(request.user, form.cleaned_data["note"])
    except ProfileError as error:
        messages.error(request, f"{coop.name}: {error}")
    else:
        emails.send_review_note(coop, request)
        messages.success(request, f"{coop.name} is {coop.get_status_display().lower()}.")
    return redirect("profiles:coop-queue")
