"""send_listing_reminders: a week before expiry, once per listing per expiry date."""

import threading
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from listings.models import Listing
from tests.factories import make_member
from tests.helpers import link_in
from tests.listings.factories import make_need, make_offer

TODAY = "2026-03-10 09:00Z"


@pytest.fixture
def due(db):
    with time_machine.travel(TODAY, tick=False):
        author = make_member("Rae Reminded", email="rae@example.org")
        return {
            "due": make_need(author, title="Due soon", expires_on=date(2026, 3, 17)),
            "later": make_offer(author, title="Not yet", expires_on=date(2026, 3, 18)),
            "closed": _closed(make_offer(author, title="Closed", expires_on=date(2026, 3, 12))),
        }


def _closed(listing):
    listing.close("withdrawn")
    return listing


@pytest.mark.django_db
def test_it_emails_authors_a_week_before_expiry_with_a_renew_link(
    due, mailoutbox, client_as, settings
):
    settings.SITE_URL = "https://directory.example.coop"
    with time_machine.travel(TODAY, tick=False):
        call_command("send_listing_reminders", stdout=StringIO())
    [mail] = mailoutbox
    assert mail.to == ["rae@example.org"]
    assert "Due soon" in mail.subject
    link = link_in(mail.body, "/renew/")
    assert link == f"https://directory.example.coop/listings/{due['due'].pk}/renew/"
    due["due"].refresh_from_db()
    assert due["due"].reminded_for_expiry == date(2026, 3, 17)
    # The link leads to a one-button page that renews it.
    client = client_as(due["due"].author.user)
    path = link.removeprefix(settings.SITE_URL)
    assert "Renew it" in client.get(path).content.decode()
    with time_machine.travel(TODAY, tick=False):
        client.post(path)
    due["due"].refresh_from_db()
    assert due["due"].expires_on == date(2026, 5, 9)


@pytest.mark.django_db
def test_reminders_are_not_repeated_until_the_expiry_changes(due, mailoutbox):
    with time_machine.travel(TODAY, tick=False):
        call_command("send_listing_reminders", stdout=StringIO())
        call_command("send_listing_reminders", stdout=StringIO())
    assert len(mailoutbox) == 1
    with time_machine.travel("2026-03-11 09:00Z", tick=False):
        call_command("send_listing_reminders", stdout=StringIO())
    # The other listing is now due; the first is not reminded twice.
    assert [mail.subject.count("Not yet") for mail in mailoutbox] == [0, 1]
    with time_machine.travel("2026-03-12 09:00Z", tick=False):
        due["due"].renew(days=6)  # a new expiry date: 18 March
        call_command("send_listing_reminders", stdout=StringIO())
    assert len(mailoutbox) == 3
    assert "Due soon" in mailoutbox[2].subject


@pytest.mark.django_db
def test_dry_run_lists_who_would_be_emailed_and_sends_nothing(due, mailoutbox, capsys):
    with time_machine.travel(TODAY, tick=False):
        call_command("send_listing_reminders", "--dry-run")
    output = capsys.readouterr().out
    assert f"Would remind rae@example.org about listing {due['due'].pk}" in output
    assert "Not yet" not in output
    assert mailoutbox == []
    due["due"].refresh_from_db()
    assert due["due"].reminded_for_expiry is None


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_one_reminder(due):
    listing_id = due["due"].pk
    barrier = threading.Barrier(2)
    results = []

    def claim():
        try:
            listing = Listing.objects.get(pk=listing_id)
            barrier.wait()
            results.append(listing.claim_reminder())
        except Exception as error:
            results.append(error)
            raise
        finally:
            connection.close()

    threads = [threading.Thread(target=claim) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]
    assert Listing.objects.get(pk=listing_id).reminded_for_expiry == date(2026, 3, 17)
