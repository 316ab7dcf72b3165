"""
Two co-ops run an exchange in a real browser: the host proposes, the helper accepts,
both co-ops' admins approve, all four sign, and both people confirm it is done.
Each person signs in and out in turn; each kind of page is checked with axe.
"""

import re

import pytest
from playwright.sync_api import expect

from exchanges.models import Exchange
from tests.factories import PASSWORD, make_coop, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people():
    host = make_member("Hana Host", email="host@example.coop")
    helper = make_member("Hal Helper", email="helper@example.coop")
    host_admin = make_member("Ada Admin", email="host-admin@example.coop")
    helper_admin = make_member("Bea Admin", email="helper-admin@example.coop")
    host_coop = make_coop("Host Co-op", admins=[host_admin], members=[host])
    helper_coop = make_coop("Helper Co-op", admins=[helper_admin], members=[helper])
    return host, helper, host_admin, helper_admin, host_coop, helper_coop


def test_propose_accept_approve_sign_and_complete(visit, checked, page, people):
    host, helper, host_admin, helper_admin, host_coop, helper_coop = people

    def sign_in(member):
        visit("/accounts/login/")
        page.get_by_label("Email").fill(member.user.email)
        page.get_by_label("Password:", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        expect(page.get_by_role("link", name="My profile")).to_be_visible()

    def sign_out():
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("link", name="Sign in", exact=True)).to_be_visible()

    def state_is(text):
        expect(page.locator(".badge").first).to_have_text(text)

    # The host drafts the exchange with the helper and proposes it.
    sign_in(host)
    visit(f"/exchanges/new/?helper={helper.pk}")
    page.get_by_label("Host co-op:", exact=True).select_option(label="Host Co-op")
    page.get_by_label("Helper's co-op:", exact=True).select_option(label="Helper Co-op")
    page.get_by_label("Title:", exact=True).fill("Upgrade our booking site to Django 6")
    page.get_by_label("What is needed:", exact=True).fill("We are **two versions** behind.")
    page.get_by_label("Skills involved:", exact=True).fill("Django, PostgreSQL")
    page.get_by_label("Start date:", exact=True).fill("2026-03-02")
    page.get_by_label("End date:", exact=True).fill("2026-03-20")
    page.get_by_label("Time involved:", exact=True).fill("3")
    page.get_by_label("Cost of time:", exact=True).fill("600")
    page.get_by_label("Paid by the host co-op:", exact=True).fill("200")
    page.get_by_label("Paid by the network fund:", exact=True).fill("300")
    page.get_by_role("button", name="Save the draft").click()
    # The shares do not add up yet: a message beside the field, the values kept.
    expect(
        page.get_by_text("The shares add up to 500.00 but the total cost is 600.00")
    ).to_be_visible()
    expect(page.get_by_label("Title:", exact=True)).to_have_value(
        "Upgrade our booking site to Django 6"
    )
    checked()
    page.get_by_label("Paid by the network fund:", exact=True).fill("400")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Upgrade our booking site to Django 6"
    )
    state_is("Draft")
    checked()
    page.get_by_role("button", name="Propose to Hal Helper").click()
    state_is("Proposed")
    sign_out()

    # The helper sees it waiting on the home page and accepts.
    sign_in(helper)
    expect(
        page.get_by_role("heading", name=re.compile("Exchanges waiting for you"))
    ).to_contain_text("1")
    checked()
    page.get_by_role("link", name="Upgrade our booking site to Django 6").click()
    page.get_by_role("button", name="Accept the proposal").click()
    state_is("Awaiting co-op approval")
    sign_out()

    # Each co-op's admin approves; the second approval opens the agreement.
    for admin, coop in ((host_admin, host_coop), (helper_admin, helper_coop)):
        sign_in(admin)
        visit("/exchanges/")
        page.get_by_role("link", name="Upgrade our booking site to Django 6").click()
        checked()
        page.get_by_label(f"Note with the approval for {coop} (optional)").fill("Agreed.")
        page.get_by_role("button", name=f"Approve for {coop}").click()
        sign_out()

    # All four sign version 1; the last signature makes it active.
    exchange = Exchange.objects.get()
    for person in (host, helper, host_admin, helper_admin):
        sign_in(person)
        visit(f"/exchanges/{exchange.pk}/")
        state_is("Signing the agreement")
        if person == host:
            # Nobody has signed yet: the change rewrites version 1 rather than making a new one.
            page.get_by_role("link", name="Change the terms").click()
            checked()
            page.get_by_label("Goals:", exact=True).fill("Upgrade and keep the tests green.")
            page.get_by_role("button", name="Save the new terms").click()
            page.get_by_text("Read the agreement").click()
            expect(page.get_by_text("Upgrade and keep the tests green.")).to_be_visible()
        page.get_by_role("button", name="Sign version 1").click()
        expect(page.get_by_text("You signed version 1.")).to_be_visible()
        sign_out()
    exchange.refresh_from_db()
    assert exchange.state == Exchange.State.ACTIVE

    # Both people confirm it is done with a reflection.
    for person, reflection in ((host, "Clear goals helped."), (helper, "Pairing worked well.")):
        sign_in(person)
        visit(f"/exchanges/{exchange.pk}/")
        if person == host:
            # The cancel page asks for a reason first; the host leaves it.
            page.get_by_role("link", name="Cancel the exchange").click()
            checked()
            page.get_by_role("link", name="Back to the exchange").click()
        page.get_by_role("link", name="Confirm it is done").click()
        checked()
        page.get_by_label("Days actually spent:", exact=True).fill("3")
        page.get_by_label("Actual costs:", exact=True).fill("600")
        page.get_by_label("Reflection:", exact=True).fill(reflection)
        page.get_by_role("button", name="Confirm it is done").click()
        sign_out()

    sign_in(host_admin)
    visit(f"/exchanges/{exchange.pk}/")
    state_is("Completed")
    expect(page.get_by_text("Pairing worked well.")).to_be_visible()
    page.get_by_role("link", name="Printable agreement with signatures").click()
    checked()
    expect(page.locator("tbody tr")).to_have_count(4)
    visit("/exchanges/budget/?year=2026")
    expect(page.get_by_role("row", name=re.compile("Host Co-op"))).to_contain_text("200.00")
