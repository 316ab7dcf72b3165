"""A member posts a need, sees who could help and why, and writes to them, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, make_member
from tests.listings.factories import make_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_post_a_need_see_a_suggested_offer_and_message_its_author(visit, checked, page, mailoutbox):
    alice = make_member("Alice Offers", email="alice@example.coop", region="North West")
    make_offer(
        alice,
        title="Django and Kubernetes pairing",
        skills=["Django", "Kubernetes"],
        region="North West",
        remote_ok=True,
    )
    make_member("Nia Needs", email="nia@example.coop", region="London")

    page = visit("/accounts/login/")
    page.get_by_label("Email").fill("nia@example.coop")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    checked()

    page.get_by_role("link", name="Needs & offers").click()
    checked()
    page.get_by_role("link", name="Post a need").click()
    checked()
    expect(page.get_by_label("Need", exact=True)).to_be_checked()
    page.get_by_label("Title").fill("Help moving our app to Kubernetes")
    page.get_by_label("Description").fill("We run **Django** on one server.")
    page.get_by_label("Tech skills").fill("django, Kubernetes")
    page.get_by_label("Region").fill("London")
    page.get_by_role("button", name="Post it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Help moving our app to Kubernetes")
    checked()

    suggestion = page.locator(".match").filter(has_text="Django and Kubernetes pairing")
    expect(suggestion).to_contain_text(
        re.compile("offers Django and Kubernetes · confirmed today · remote OK")
    )
    suggestion.get_by_role("link", name=re.compile("Send Alice Offers a message")).click()
    checked()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write to Alice Offers")
    expect(page.locator("main")).not_to_contain_text("alice@example.coop")
    page.get_by_label("Your message").fill("Hello Alice, could we pair next week?")
    page.get_by_role("button", name="Send the message").click()
    expect(page.get_by_role("status")).to_contain_text("on its way to Alice Offers")
    checked()

    [mail] = mailoutbox
    assert mail.to == ["alice@example.coop"]
    assert mail.reply_to == ["Nia Needs <nia@example.coop>"]
    assert "could we pair next week?" in mail.body
