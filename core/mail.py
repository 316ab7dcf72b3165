"""
The one way the site sends e-mail. Each message is a template pair, `<name>.subject.txt` and
`<name>.txt` (plus `<name>.html` where it helps), rendered here with the context given; no
message body is built in Python. Every recipient gets a message of their own, so nobody sees
the others' addresses.
"""

import logging
from typing import cast

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.template import Context, TemplateDoesNotExist
from django.template.backends.django import Template as DjangoTemplate
from django.template.loader import get_template

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "[CoTech Directory] "


def header_safe(text):
    """One line, whatever was typed: a line break in a header would start a new header."""
    return " ".join(str(text).split())


def _render_text(template_name, context):
    # Plain text is not HTML: "Smith & Jones" must stay as typed, not become "&amp;".
    # The Django engine's own template takes a Context, where autoescaping can be off.
    template = cast(DjangoTemplate, get_template(template_name)).template
    return template.render(Context(context, autoescape=False))


def render(name, context):
    """(subject, text body, HTML body or None) of the message `name` for `context`."""
    subject = SUBJECT_PREFIX + header_safe(_render_text(f"{name}.subject.txt", context))
    body = _render_text(f"{name}.txt", context).strip() + "\n"
    try:
        html = get_template(f"{name}.html").render(context)
    except TemplateDoesNotExist:
        html = None
    return subject, body, html


def absolute_url(path, request=None):
    """A full link for an e-mail: from the request when there is one, else SITE_URL."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL.rstrip("/") + path


def send(name, context, to, *, reply_to=None):
    """
    Send the message `name` to each address in `to` (blank ones skipped), one message each,
    over one connection. Returns how many were sent. A failure is logged with the message's
    name and raised to the caller.
    """
    recipients = [address for address in dict.fromkeys(to) if address]
    if not recipients:
        return 0
    subject, body, html = render(name, context)
    messages = []
    for address in recipients:
        message = EmailMultiAlternatives(
            subject, body, to=[address], reply_to=[header_safe(r) for r in reply_to or []]
        )
        if html is not None:
            message.attach_alternative(html, "text/html")
        messages.append(message)
    try:
        return mailers.default.send_messages(messages) or 0
    except Exception:
        logger.exception("Could not send the %s e-mail to %d recipients", name, len(messages))
        raise
