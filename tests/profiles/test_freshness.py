"""Freshness: stale after 180 days, the nag banner, "Still accurate", reminders, the staff page."""

import io
import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from django.urls import reverse

from profiles.models import Coop, Member
from tests.factories import make_coop, make_member
from tests.helpers import count_queries, link_in
from tests.profiles.factories import days_ago, make_stale_coop, make_stale_member

pytestmark = pytest.mark.django_db

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
NAG = 'class="banner freshness-nag"'


def test_a_profile_goes_stale_after_180_days(db):
    with time_machine.travel(START, tick=False):
        member = make_member("Fresh")
        coop = make_coop("Fresh Co-op")
    with time_machine.travel(START + timedelta(days=179), tick=False):
        assert not member.is_stale and not coop.is_stale
        assert Member.objects.stale().filter(pk=member.pk).count() == 0
    with time_machine.travel(START + timedelta(days=181), tick=False):
        assert member.is_stale and coop.is_stale
        assert list(Coop.objects.stale()) == [coop]


@override_settings(STALE_AFTER_DAYS=30)
def test_the_age_is_configurable(db):
    member = make_stale_member(days=31)
    assert member.is_stale


def test_only_the_owner_of_a_stale_profile_sees_the_banner(cast, client_as):
    cast.member.last_confirmed_at = days_ago(200)
    cast.member.save()
    assert NAG in client_as(cast.member.user).get("/").text
    assert NAG not in client_as(cast.owner.user).get("/").text
    assert NAG not in client_as(None).get("/").text
    assert (
        "Stale: last confirmed"
        in client_as(cast.owner.user).get(cast.member.get_absolute_url()).text
    )


def test_each_admin_of_a_stale_coop_sees_the_banner_and_members_do_not(cast, client_as):
    Coop.objects.filter(pk=cast.coop.pk).update(last_confirmed_at=days_ago(200))
    second_admin = make_member("Second Admin")
    cast.coop.memberships.create(member=second_admin, role="admin")
    for user in (cast.owner.user, second_admin.user):
        page = client_as(user).get(reverse("profiles:coop-list")).text
        assert NAG in page and "Review Owner Co-op" in page
    for role in ("member", "other_admin", "staff", "outsider"):
        assert NAG not in client_as(cast.user(role)).get("/").text


def test_still_accurate_confirms_and_the_banner_goes(cast, client_as):
    Coop.objects.filter(pk=cast.coop.pk).update(last_confirmed_at=days_ago(200))
    client = client_as(cast.owner.user)
    response = client.post(
        reverse("profiles:coop-confirm", args=[cast.coop.slug]), {"next": "/coops/"}
    )
    assert response.url == "/coops/"
    cast.coop.refresh_from_db()
    assert not cast.coop.is_stale
    assert NAG not in client.get("/").text


def test_confirming_never_redirects_off_site(cast, client_as):
    response = client_as(cast.member.user).post(
        reverse("profiles:me-confirm"), {"next": "https://evil.example/"}
    )
    assert response.url == "/me/"


def test_saving_the_profile_confirms_it(cast, client_as):
    cast.member.last_confirmed_at = days_ago(300)
    cast.member.save()
    client_as(cast.member.user).post(
        reverse("profiles:me-edit"),
        {
            "display_name": "Mo Member",
            "contact_email_visibility": "members",
            "phone_visibility": "members",
            "chat_visibility": "members",
            "address_visibility": "admins",
        },
    )
    cast.member.refresh_from_db()
    assert cast.member.last_confirmed_at > days_ago(1)


def test_the_banner_costs_one_query_whatever_the_number_of_coops(cast, client_as):

    client = client_as(cast.owner.user)
    before = count_queries(client, "/")
    for index in range(10):
        make_stale_coop(f"Old {index}", admins=[cast.owner])
    page = client.get("/").text
    assert page.count("profile needs confirming") == 10
    # The banner's one query (the viewer's profile with their co-ops) ran before too.
    assert count_queries(client, "/") == before


class TestReminders:
    def stale_world(self):
        member = make_stale_member("Stale Sam", email="sam@example.org")
        make_member("Fresh Fay")
        make_stale_member("", email="unlisted@example.org")  # never listed: not nagged
        admin_a = make_member("Admin A", email="a@example.coop")
        admin_b = make_member("Admin B", email="b@example.coop")
        coop = make_stale_coop("Old Co-op", admins=[admin_a, admin_b])
        make_stale_coop("Refused Co-op", admins=[admin_a], status=Coop.Status.REFUSED)
        return member, coop

    def test_it_emails_owners_of_stale_profiles_with_a_link_to_review(self, db, mailoutbox):
        member, coop = self.stale_world()
        call_command("send_freshness_reminders")
        recipients = sorted(address for mail in mailoutbox for address in mail.to)
        assert recipients == ["a@example.coop", "b@example.coop", "sam@example.org"]
        # One message per person: nobody sees the other admins' addresses.
        assert all(len(mail.to) == 1 for mail in mailoutbox)
        to_sam = next(mail for mail in mailoutbox if mail.to == ["sam@example.org"])
        assert link_in(to_sam.body, "/me/edit/").startswith("http")
        to_admins = next(mail for mail in mailoutbox if mail.to != ["sam@example.org"])
        assert link_in(to_admins.body, f"/coops/{coop.slug}/edit/")
        member.refresh_from_db()
        coop.refresh_from_db()
        assert member.last_reminded_at is not None and coop.last_reminded_at is not None

    def test_it_never_reminds_twice_within_the_interval(self, db, mailoutbox):
        with time_machine.travel(START, tick=False):
            self.stale_world()
            call_command("send_freshness_reminders")
            # The member, and each of the co-op's two admins in a message of their own.
            assert len(mailoutbox) == 3
        with time_machine.travel(START + timedelta(days=29), tick=False):
            call_command("send_freshness_reminders")
            assert len(mailoutbox) == 3
        with time_machine.travel(START + timedelta(days=31), tick=False):
            call_command("send_freshness_reminders")
            assert len(mailoutbox) == 6

    def test_dry_run_lists_who_would_be_emailed_and_sends_nothing(self, db, mailoutbox, capsys):
        member, _coop = self.stale_world()
        call_command("send_freshness_reminders", "--dry-run")
        out = capsys.readouterr().out
        assert "sam@example.org" in out and "a@example.coop, b@example.coop" in out
        assert "Would send 3 reminders." in out
        assert mailoutbox == []
        member.refresh_from_db()
        assert member.last_reminded_at is None

    def test_confirmed_profiles_are_not_reminded(self, db, mailoutbox):
        member, coop = self.stale_world()
        member.confirm()
        coop.confirm()
        call_command("send_freshness_reminders")
        assert mailoutbox == []


def test_staff_see_the_share_confirmed_and_the_stale_oldest_first(cast, client_as):
    make_stale_coop("Older Co-op", days=400)
    make_stale_coop("Old Co-op", days=200)
    make_stale_member("Stale Sid", days=250)
    response = client_as(cast.staff.user).get(reverse("profiles:freshness-report"))
    assert response.context["coop_share"] == {"total": 4, "recent": 2, "percent": 50}
    assert response.context["member_share"]["total"] == 10  # the cast's nine and Stale Sid
    assert [c.name for c in response.context["stale_coops"].object_list] == [
        "Older Co-op",
        "Old Co-op",
    ]
    assert "Stale Sid" in response.text


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_send_each_reminder_once(mailoutbox):
    """Two cron runs at once, each with its own connection: the row lock sends each mail once."""
    make_stale_member("Stale Sam", email="sam@example.org")
    make_stale_coop("Old Co-op", admins=[make_member("Admin A", email="a@example.coop")])
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait()
            call_command("send_freshness_reminders", stdout=io.StringIO())
        except Exception as error:  # shown by the assertion below, not lost in the thread
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(address for mail in mailoutbox for address in mail.to) == [
        "a@example.coop",
        "sam@example.org",
    ]


def test_the_banner_leaves_out_refused_coops_and_coops_one_only_belongs_to(cast, client_as):
    make_stale_coop("Refused Co-op", admins=[cast.member], status=Coop.Status.REFUSED)
    make_stale_coop("Someone Else's Co-op", members=[cast.member])
    make_stale_coop("Pending Co-op", admins=[cast.member], status=Coop.Status.PENDING)
    page = client_as(cast.member.user).get("/").text
    assert "Review Pending Co-op" in page
    assert "Refused Co-op" not in page and "Someone Else" not in page
