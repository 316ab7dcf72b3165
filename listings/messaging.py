"""
Writing to the author of a listing, or to a member or co-op suggested as a match,
without either side's address appearing on the site: the site e-mails the
recipient, with the sender's address as Reply-To so the answer goes straight back.
"""

from email.utils import formataddr

from django.core.cache import cache

from core import mail
from core.caching import cache_key
from core.steps import StepRefused
from listings.models import Listing
from profiles.models import Coop, Member, Membership

# Per sender, across every app server (the cache is shared when CACHE_URL is set):
# enough for real conversations, too few to spam the network with.
MESSAGES_PER_WINDOW = 10
WINDOW_SECONDS = 60 * 60


class MessageError(StepRefused):
    """A message that may not be sent: to yourself, to nobody, or over the rate limit."""


def recipients(target):
    """The accounts a message about `target` (a Listing, Member or Coop) goes to."""
    if isinstance(target, Listing):
        return [target.author.user]
    if isinstance(target, Member):
        return [target.user]
    if isinstance(target, Coop):
        admins = Membership.objects.filter(coop=target, role=Membership.Role.ADMIN)
        return [membership.member.user for membership in admins.select_related("member__user")]
    raise TypeError(f"Cannot write to {target!r}")


def _take_slot(user):
    """Count one message against `user`'s allowance; False when it is used up."""
    key = cache_key("messages-sent", user.pk)
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        sent = cache.incr(key)
    except ValueError:  # expired between add and incr: this is the first of a new window
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        sent = 1
    return sent <= MESSAGES_PER_WINDOW


def send_message(*, sender, target, body, link):
    """
    E-mail `body` from `sender` (a User) to whoever `target` belongs to, with
    `link` (an absolute URL) to what it is about. Raises MessageError when it may
    not go; the recipients' addresses are never returned to the caller.
    """
    if isinstance(target, Listing) and not target.is_open:
        raise MessageError("This listing is closed or expired: its author is no longer looking.")
    to = [user for user in recipients(target) if user.is_active and user.email]
    if not to:
        raise MessageError("There is nobody to write to there yet.")
    if any(user.pk == sender.pk for user in to):
        raise MessageError("That is yours: you cannot write to yourself.")
    if not _take_slot(sender):
        raise MessageError(
            f"You have sent {MESSAGES_PER_WINDOW} messages in the last hour: "
            "please wait a while before sending more."
        )
    name = sender.member.display_name or sender.email
    context = {
        "name": name,
        "body": body,
        "link": link,
        "listing": target if isinstance(target, Listing) else None,
        "member": target if isinstance(target, Member) else None,
        "coop": target if isinstance(target, Coop) else None,
    }
    mail.send(
        "listings/emails/relayed_message",
        context,
        [user.email for user in to],
        reply_to=[formataddr((name, sender.email))],
    )
    return len(to)
