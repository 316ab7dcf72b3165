"""E-mails about profiles: invitations, join requests, review notes and freshness reminders."""

from django.urls import reverse

from core import mail


def send_invitation(invitation, request):
    mail.send(
        "profiles/emails/invitation",
        {
            "invitation": invitation,
            "link": mail.absolute_url(invitation.get_absolute_url(), request),
        },
        [invitation.email],
    )


def send_join_request(join_request, request):
    coop = join_request.coop
    link = mail.absolute_url(reverse("profiles:coop-members", args=[coop.slug]), request)
    mail.send(
        "profiles/emails/join_request",
        {"join_request": join_request, "link": link},
        coop.admin_emails(),
    )


def send_review_note(coop, request):
    mail.send(
        "profiles/emails/coop_reviewed",
        {"coop": coop, "link": mail.absolute_url(coop.get_absolute_url(), request)},
        coop.admin_emails(),
    )


def send_member_reminder(member):
    mail.send(
        "profiles/emails/member_reminder",
        {"member": member, "link": mail.absolute_url(reverse("profiles:me-edit"))},
        [member.user.email],
    )


def send_coop_reminder(coop, recipients):
    link = mail.absolute_url(reverse("profiles:coop-edit", args=[coop.slug]))
    mail.send("profiles/emails/coop_reminder", {"coop": coop, "link": link}, recipients)
