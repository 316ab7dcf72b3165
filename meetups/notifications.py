"""
E-mails the meetups workflow sends after a step has been taken. A failure is logged here
with what the message was about, and raised to the caller.
"""

import logging

from core import mail

logger = logging.getLogger(__name__)


def _send(name, context, to, about):
    try:
        return mail.send(name, context, to)
    except Exception:
        logger.exception("Could not send the %s e-mail about %s", name, about)
        raise


def tell_proposed_founder(request, term):
    """
    E-mail the member just asked to be founder, if anyone was (term may be None).
    `request` gives the link's host; a command passes None and SITE_URL is used.
    """
    if term is None:
        return
    _send(
        "meetups/emails/founder_asked",
        {"term": term, "link": mail.absolute_url(term.cell.get_absolute_url(), request)},
        [term.member.user.email],
        about=f"founder term {term.pk} of cell {term.cell.slug}",
    )


def tell_attendees(request, meetup, subject, message):
    """An organiser's message to everyone who replied going, maybe or waiting. Returns how many."""
    return _send(
        "meetups/emails/attendees",
        {
            "meetup": meetup,
            "subject": subject,
            "message": message,
            "link": mail.absolute_url(meetup.get_absolute_url(), request),
        },
        meetup.attendee_emails(),
        about=f"meetup {meetup.pk}",
    )


def tell_quiet_cell(cell, recipients):
    """Ask a quiet cell's champions and founder to schedule the next meetup."""
    _send(
        "meetups/emails/cell_quiet",
        {"cell": cell, "link": mail.absolute_url(cell.get_absolute_url())},
        recipients,
        about=f"quiet cell {cell.slug}",
    )
