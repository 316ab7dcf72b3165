"""E-mails the meetups workflow sends after a step has been taken."""

from core import mail


def tell_proposed_founder(request, term):
    """
    E-mail the member just asked to be founder, if anyone was (term may be None).
    `request` gives the link's host; a command passes None and SITE_URL is used.
    """
    if term is None:
        return
    mail.send(
        "meetups/emails/founder_asked",
        {"term": term, "link": mail.absolute_url(term.cell.get_absolute_url(), request)},
        [term.member.user.email],
    )


def tell_attendees(request, meetup, subject, message):
    """An organiser's message to everyone who replied going, maybe or waiting. Returns how many."""
    return mail.send(
        "meetups/emails/attendees",
        {
            "meetup": meetup,
            "subject": subject,
            "message": message,
            "link": mail.absolute_url(meetup.get_absolute_url(), request),
        },
        meetup.attendee_emails(),
    )


def tell_quiet_cell(cell, recipients):
    """Ask a quiet cell's champions and founder to schedule the next meetup."""
    mail.send(
        "meetups/emails/cell_quiet",
        {"cell": cell, "link": mail.absolute_url(cell.get_absolute_url())},
        recipients,
    )
