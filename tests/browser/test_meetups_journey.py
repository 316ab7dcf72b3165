"""A champion schedules the next meetup, a member replies, the founder rotates afterwards."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetups.models import FounderTerm, Meetup, ShoutOut
from tests.factories import PASSWORD, make_member
from tests.meetups.factories import make_cell, make_meetup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(visit, page, email):
    page = visit("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("link", name="My profile")).to_be_visible()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_be_visible()


def test_schedule_reply_and_rotate_the_founder(visit, checked, page):
    champion = make_member("Chidi Champion", email="champion@example.coop")
    founder = make_member("Fola Founder", email="founder@example.coop")
    attendee = make_member("Ada Attendee", email="attendee@example.coop")
    cell = make_cell("Leeds", champions=[champion], members=[founder, attendee])
    FounderTerm.objects.create(cell=cell, member=founder, status=FounderTerm.Status.SERVING)
    last = make_meetup(
        cell,
        title="Leeds cell meetup",
        starts_at=timezone.now() - timedelta(days=50),
        venue="Leeds Co-op Hub",
        status=Meetup.Status.HELD,
    )

    ShoutOut.objects.create(
        author=attendee, cell=cell, title="Open data day", date=timezone.localdate()
    )
    gathering = make_meetup(None, title="National gathering")

    # A visitor finds the cell, the gathering, the shout-outs and what the network is.
    page = visit("/")
    page.get_by_role("link", name="Cells & meetups").click()
    checked()
    page.get_by_role("link", name="Leeds").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leeds")
    checked()
    for path in ("/gatherings/", f"/meetups/{gathering.pk}/", "/shout-outs/", "/about/"):
        visit(path)
    visit("/steering-group/")

    # The champion schedules the next meetup, pre-filled two months after the last one.
    sign_in(visit, page, "champion@example.coop")
    visit("/cells/leeds/")
    page.get_by_role("link", name="Schedule the next meetup").click()
    checked()
    expect(page.get_by_label("Venue")).to_have_value("Leeds Co-op Hub")
    expected_start = timezone.localtime(last.starts_at + timedelta(days=1))
    assert page.get_by_label("Starts").input_value()[:4] == str(expected_start.year)
    page.get_by_label("Capacity").fill("12")
    page.get_by_role("button", name="Schedule").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leeds cell meetup")
    checked()
    meetup = cell.meetups.get(status=Meetup.Status.SCHEDULED)
    assert meetup.capacity == 12 and meetup.venue == "Leeds Co-op Hub"
    sign_out(page)

    # A member replies that they are going.
    sign_in(visit, page, "attendee@example.coop")
    visit(f"/meetups/{meetup.pk}/")
    page.get_by_label("Going", exact=True).check()
    page.get_by_role("button", name="Send my reply").click()
    expect(page.get_by_text("Your reply: Going.")).to_be_visible()
    checked()
    assert meetup.rsvps.get().member == attendee
    sign_out(page)

    # The meetup takes place; the champion records it and the next founder is asked.
    Meetup.objects.filter(pk=meetup.pk).update(
        starts_at=timezone.now() - timedelta(hours=4), ends_at=timezone.now() - timedelta(hours=1)
    )
    sign_in(visit, page, "champion@example.coop")
    visit(f"/meetups/{meetup.pk}/")
    page.get_by_role("button", name=re.compile("It took place")).click()
    expect(page.get_by_text("Ada Attendee has been asked to be the next founder")).to_be_visible()
    checked()
    sign_out(page)

    # The proposed founder accepts from the cell page.
    sign_in(visit, page, "attendee@example.coop")
    visit("/cells/leeds/")
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_text("You are now the founder of Leeds")).to_be_visible()
    checked()
    assert cell.open_founder_term().member == attendee
    assert cell.founder_terms.get(member=founder).status == FounderTerm.Status.SERVED
