"""
A member signs in, fills in their profile with skills, finds a co-op that offers a
skill they need and sees how recently that co-op confirmed its profile.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, give_skills, make_coop, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_fill_in_profile_then_find_a_coop_offering_a_needed_skill(visit, checked, page):
    make_user("journey@example.coop")
    give_skills(
        make_coop("Cluster Co-op", summary="We run Kubernetes for co-ops"),
        offers=["Kubernetes"],
    )

    page = visit("/accounts/login/")
    page.get_by_label("Email").fill("journey@example.coop")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    checked()
    # A new account has never confirmed its profile: the nag says so on every page.
    expect(page.get_by_text("Fill in your profile so the network can find you.")).to_be_visible()

    page.get_by_role("link", name="Review your profile").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit your profile")
    checked()
    page.get_by_label("Display name").fill("Jo Journey")
    page.get_by_label("Tech skills offered").fill("Django, PostgreSQL")
    page.get_by_label("Tech skills needed").fill("kubernetes")
    page.get_by_label("Mentoring").check()
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved and confirmed as accurate.")).to_be_visible()
    expect(page.get_by_text("Fill in your profile")).to_have_count(0)
    checked()

    # The need links to the skill's page, where co-ops offering it are listed.
    page.get_by_role("list", name="Tech skills needed").get_by_role(
        "link", name="Kubernetes"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kubernetes")
    checked()
    offered = page.get_by_role("region", name="Offered by")
    needed = page.get_by_role("region", name="Needed by")
    expect(needed.get_by_role("link", name="Jo Journey")).to_be_visible()
    offered.get_by_role("link", name="Cluster Co-op").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Cluster Co-op")
    expect(page.get_by_text(re.compile(r"Last confirmed .* ago"))).to_be_visible()
    checked()

    # The directory finds it too, by the skill it offers.
    page.get_by_role("link", name="Directory", exact=True).click()
    checked()
    page.get_by_text("Filters and sorting").click()
    page.get_by_label("Offers skill").fill("kubernetes")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("1 co-op confirmed in the last six months.")).to_be_visible()
    expect(page.get_by_label("Offers skill")).to_have_value("kubernetes")
    expect(page.get_by_role("link", name="Cluster Co-op")).to_be_visible()
    checked()


def test_an_admin_manages_their_coop_and_the_steering_group_approves_it(
    visit, checked, page, mailoutbox
):
    founder = make_user("founder@example.coop", is_staff=True)
    founder.member.display_name = "Fran Founder"
    founder.member.save()

    page = visit("/accounts/login/")
    page.get_by_label("Email").fill("founder@example.coop")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    checked()

    page = visit("/coops/new/")
    page.get_by_label("Name").first.fill("Harbour Tech")
    page.get_by_label("One-line summary").fill("Boats and bytes")
    page.get_by_label("Co-op & business skills offered").fill("Bookkeeping")
    page.get_by_role("group", name="Office space 1 (new)").get_by_label("Location").fill("The Quay")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Harbour Tech")
    expect(page.get_by_text("Waiting for approval")).to_be_visible()
    checked()

    page.get_by_role("link", name="Manage members").click()
    checked()
    page.get_by_label("E-mail address to invite").fill("crew@example.coop")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to crew@example.coop.")).to_be_visible()
    checked()
    assert mailoutbox[-1].to == ["crew@example.coop"]

    page = visit("/steering/coops/")
    page.get_by_label(re.compile("^Note to Harbour Tech")).fill("Welcome aboard")
    page.get_by_role("button", name="Approve Harbour Tech").click()
    expect(page.get_by_text("Harbour Tech is approved.")).to_be_visible()
    checked()
    visit("/steering/freshness/")
    visit("/members/")
    page = visit("/coops/")
    expect(page.get_by_role("link", name="Harbour Tech")).to_be_visible()
