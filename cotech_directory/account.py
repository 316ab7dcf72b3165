"""A member's own data: download all of it, or delete the account."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

import exchanges.personal_data
import listings.personal_data
import meetups.personal_data
import profiles.personal_data
from core.steps import refuse
from profiles.models.members import LastAdminError

# Each app that keeps personal data offers `<app>.personal_data.collect(member) -> dict`.
PERSONAL_DATA_SECTIONS = [
    profiles.personal_data.collect,
    listings.personal_data.collect,
    exchanges.personal_data.collect,
    meetups.personal_data.collect,
]
# Steps an app takes before an account is deleted (Member.forget does the profile's own).
FORGET_STEPS = [listings.personal_data.forget, meetups.personal_data.forget]


def user_display(user):
    """
    How allauth names a person in its pages and e-mails (ACCOUNT_USER_DISPLAY): by the
    name on their profile, else their e-mail address; never the internal username
    ("newcomer1") that nobody chose and nobody knows.
    """
    try:
        name = user.member.display_name
    except ObjectDoesNotExist:
        name = ""
    return name or user.email or "a member"


@login_required
def data_download(request):
    member = request.user.member
    data = {"exported_at": timezone.now()}
    for section in PERSONAL_DATA_SECTIONS:
        data.update(section(member))
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-cotech-directory-data.json"'
    return response


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that my account and profile will be deleted and cannot be restored.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """Confirmation page, then the deletion itself (Member.forget)."""
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                member = request.user.member
                for step in FORGET_STEPS:
                    step(member)
                member.forget()
        except LastAdminError as error:
            refuse(request, error)
        else:
            logout(request)
            messages.success(request, "Your account has been deleted. Thank you for taking part.")
            return redirect("home")
    return render(request, "account/delete.html", {"form": form})
