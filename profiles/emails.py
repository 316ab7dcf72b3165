"""E-mails about profiles: invitations, the steering group's review notes, freshness reminders."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

SUBJECT_PREFIX = "[CoTech Directory] "


def absolute(path, request=None):
    """A full link for an e-mail: from the request when there is one, else SITE_URL."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL + path


def _send(subject, template, context, recipients):
    if recipients:
        send_mail(
            SUBJECT_PREFIX + subject,
            render_to_string(f"profiles/emails/{template}", context),
            None,
            list(recipients),
        )


def send_invitation(invitation, request):
    _send(
        f"Join {invitation.coop.name} on CoTech Directory",
        "invitation.txt",
        {"invitation": invitation, "link": absolute(invitation.get_absolute_url(), request)},
        [invitation.email],
    )


def send_join_request(join_request, request):
    coop = join_request.coop
    _send(
        f"{join_request.member} asks to join {coop.name}",
        "join_request.txt",
        {
            "join_request": join_request,
            "link": absolute(reverse("profiles:coop-members", args=[coop.slug]), request),
        },
        coop.admin_emails(),
    )


def send_review_note(coop, request):
    _send(
        f"{coop.name}: {coop.get_status_display().lower()} by the steering group",
        "coop_reviewed.txt",
        {"coop": coop, "link": absolute(coop.get_absolute_url(), request)},
        coop.admin_emails(),
    )


def send_member_reminder(member):
    _send(
        "Is your profile still accurate?",
        "member_reminder.txt",
        {"member": member, "link": absolute(reverse("profiles:me-edit"))},
        [member.user.email],
    )


def send_coop_reminder(coop, recipients):
    _send(
        f"Is {coop.name}'s profile still accurate?",
        "coop_reminder.txt",
        {"coop": coop, "link": absolute(reverse("profiles:coop-edit", args=[coop.slug]))},
        recipients,
    )
