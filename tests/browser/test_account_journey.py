"""A newcomer joins, verifies their address, signs in and out, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers import link_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_verify_sign_in_and_out(visit, checked, page, live_server, mailoutbox):
    page = visit("/")
    page.get_by_role("link", name="Join", exact=True).click()
    checked()
    page.get_by_label("Email").fill("newcomer@example.coop")
    page.get_by_label("Password:", exact=True).fill("sturdy-coop-passphrase-7")
    page.get_by_label("Password (again)").fill("sturdy-coop-passphrase-7")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Verify"))
    checked()

    assert len(mailoutbox) == 1
    confirm_link = link_in(mailoutbox[0].body, "/accounts/confirm-email/")
    page.goto(confirm_link.replace("http://testserver", live_server.url))
    checked()
    page.get_by_role("button", name="Confirm").click()
    checked()

    page.get_by_role("link", name="Sign in", exact=True).click()
    checked()
    page.get_by_label("Email").fill("newcomer@example.coop")
    page.get_by_label("Password:", exact=True).fill("sturdy-coop-passphrase-7")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("link", name="My profile")).to_be_visible()
    checked()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    checked()
