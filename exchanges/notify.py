"""E-mails about an exchange's steps, to the people and co-op admins who need to know."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from core import mail
from profiles.models import Member

logger = logging.getLogger(__name__)

_muted = ContextVar("exchanges_mail_muted", default=False)


@contextmanager
def muted():
    """Run workflow steps without e-mailing anyone (the demo data's made-up people)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def send(exchange, member_ids, subject, message):
    """
    One e-mail per person (so nobody sees the others' addresses), linking to the exchange.
    A failure is logged with the exchange and the person, and raised: the rest are not sent.
    """
    if _muted.get() or not member_ids:
        return
    recipients = Member.objects.filter(pk__in=member_ids).select_related("user")
    url = mail.absolute_url(exchange.get_absolute_url())
    for member in recipients:
        if not member.user.email or not member.user.is_active:
            continue
        try:
            mail.send(
                "exchanges/emails/step",
                {
                    "member": member,
                    "exchange": exchange,
                    "subject": subject,
                    "message": message,
                    "url": url,
                },
                [member.user.email],
            )
        except Exception:
            logger.exception(
                "Could not e-mail member %s about exchange %s (%s)", member.pk, exchange.pk, subject
            )
            raise
