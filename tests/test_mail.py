"""The one mail function (core.mail): templates, header safety, one message each, logging."""

import logging

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings

from core import mail


class Meetup:
    title = "Smith & Jones <meet>"

    def get_absolute_url(self):
        return "/meetups/1/"


CONTEXT = {
    "meetup": Meetup(),
    "subject": "Venue moved\r\nBcc: everyone@example.org",
    "message": 'Bring <snacks> & "drinks"',
    "link": "https://directory.example.coop/meetups/1/",
}


def test_the_subject_is_one_header_line_with_the_prefix_whatever_was_typed(mailoutbox):
    mail.send("meetups/emails/attendees", CONTEXT, ["a@example.org"])
    [message] = mailoutbox
    assert message.subject == "[CoTech Directory] Venue moved Bcc: everyone@example.org"
    assert message.bcc == []


def test_plain_text_keeps_what_was_typed_unescaped(mailoutbox):
    mail.send("meetups/emails/attendees", CONTEXT, ["a@example.org"])
    body = mailoutbox[0].body
    assert 'Bring <snacks> & "drinks"' in body
    assert "Smith & Jones <meet>: https://directory.example.coop/meetups/1/" in body
    assert "&amp;" not in body


def test_each_recipient_gets_a_message_of_their_own_and_blanks_and_repeats_are_dropped(
    mailoutbox,
):
    sent = mail.send(
        "meetups/emails/attendees", CONTEXT, ["a@example.org", "", "b@example.org", "a@example.org"]
    )
    assert sent == 2
    assert [message.to for message in mailoutbox] == [["a@example.org"], ["b@example.org"]]


def test_nobody_to_send_to_sends_nothing(mailoutbox):
    assert mail.send("meetups/emails/attendees", CONTEXT, ["", None]) == 0
    assert mailoutbox == []


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


@override_settings(MAILERS={"default": {"BACKEND": "tests.test_mail.FailingBackend"}})
def test_a_failing_mail_server_is_logged_with_the_message_name_and_raised(caplog):
    with caplog.at_level(logging.ERROR, logger="core.mail"), pytest.raises(ConnectionRefusedError):
        mail.send("meetups/emails/attendees", CONTEXT, ["a@example.org"])
    assert "meetups/emails/attendees" in caplog.text


def test_no_code_but_the_mail_function_sends_mail_itself():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    senders = ("send_mail", "send_mass_mail", "EmailMessage", "EmailMultiAlternatives")
    offenders = [
        str(path.relative_to(root))
        for path in root.glob("*/**/*.py")
        if path.parts[len(root.parts)] not in {"tests", "bench", ".venv", "docs"}
        and "migrations" not in path.parts
        and path != root / "core" / "mail.py"
        and any(name in path.read_text() for name in senders)
    ]
    assert offenders == []
