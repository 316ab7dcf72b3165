"""The home page's listings part, the link to propose an exchange, and the demo data."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from cotech_directory.demo import demo_user
from listings.matching import matches_for_listing
from listings.models import Listing
from tests.listings.factories import make_need, make_offer

pytestmark = pytest.mark.django_db


def test_authors_and_coop_admins_see_listings_about_to_expire(client_as, cast):
    soon = timezone.localdate() + timedelta(days=5)
    make_need(cast.member, title="Mine, ending soon", coop=cast.coop, expires_on=soon)
    make_need(cast.member, title="Mine, not soon")
    make_need(cast.outsider, title="Someone else's, ending soon", expires_on=soon)
    for person in (cast.member, cast.owner):
        page = client_as(person.user).get("/").content.decode()
        assert "Your listings about to expire" in page
        assert "Mine, ending soon" in page
        assert "Mine, not soon" not in page
        assert "Someone else&#x27;s" not in page
    assert "about to expire" not in client_as(cast.other_admin.user).get("/").content.decode()


def test_the_home_page_shows_the_soonest_five_and_a_page_has_them_all(client_as, cast):
    today = timezone.localdate()
    ending = [
        make_need(cast.member, title=f"Ending {days:02}", expires_on=today + timedelta(days))
        for days in range(1, 8)
    ]
    client = client_as(cast.member.user)
    home = client.get("/")
    assert [listing.title for listing in home.context["listings_expiring"]] == [
        "Ending 01", "Ending 02", "Ending 03", "Ending 04", "Ending 05",
    ]  # fmt: skip
    assert 'href="/listings/expiring/">All 7 listings about to expire</a>' in home.content.decode()
    page = client.get("/listings/expiring/")
    assert [listing.pk for listing in page.context["page"].object_list] == [
        listing.pk for listing in ending
    ]
    assert f'href="/listings/{ending[6].pk}/renew/"' in page.content.decode()
    # Only your own and your co-ops': someone else sees none of them.
    other = client_as(cast.outsider.user).get("/listings/expiring/")
    assert list(other.context["page"].object_list) == []
    assert "None of your listings ends" in other.content.decode()


def test_the_expiring_page_is_for_members(client):
    response = client.get("/listings/expiring/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_visitors_get_no_matches_on_the_home_page(client):
    assert "Matches for you" not in client.get("/").content.decode()


def test_a_listing_offers_to_propose_an_exchange_pre_filled_from_it(client_as, cast):
    offer = make_offer(cast.member, title="Kubernetes pairing")
    client = client_as(cast.outsider.user)
    page = client.get(f"/listings/{offer.pk}/").content.decode()
    assert f'href="/exchanges/new/?listing={offer.pk}"' in page
    form = client.get(f"/exchanges/new/?listing={offer.pk}")
    assert form.status_code == 200
    assert "Kubernetes pairing" in form.content.decode()


def test_seed_demo_adds_needs_and_offers_that_match_instructively():
    call_command("seed_demo", stdout=None)
    count = Listing.objects.count()
    call_command("seed_demo", stdout=None)
    assert Listing.objects.count() == count
    need = Listing.objects.get(author=demo_user().member, kind="need")
    matches = matches_for_listing(need)
    assert matches[0].obj.title == "Django and Kubernetes pairing sessions"
    assert matches[0].explanation.startswith("offers Django and Kubernetes")
    titles = [match.obj.title for match in matches if match.kind == "listing"]
    assert "Kubernetes office hours (expired)" not in titles
    assert all("closed" not in title for title in titles)


def test_staff_manage_listings_in_the_admin(client_as, cast):
    make_need(cast.member, title="Seen in the admin")
    admin = cast.staff.user
    admin.is_superuser = True
    admin.save()
    page = client_as(admin).get("/admin/listings/listing/")
    assert page.status_code == 200
    assert "Seen in the admin" in page.content.decode()


def test_the_admins_old_listing_addresses_lead_to_the_new_ones(client_as, cast):
    listing = make_need(cast.member)
    staff = client_as(cast.staff.user)
    for old, new in [
        ("/admin/profiles/listing/?status=open", "/admin/listings/listing/?status=open"),
        (
            f"/admin/profiles/listing/{listing.pk}/change/",
            f"/admin/listings/listing/{listing.pk}/change/",
        ),
    ]:
        response = staff.get(old)
        assert (response.status_code, response["Location"]) == (301, new)


def test_the_navigation_marks_needs_and_offers_as_the_current_section(client_as, cast):
    need = make_need(cast.member)
    page = client_as(cast.member.user).get(f"/listings/{need.pk}/").content.decode()
    assert '<a href="/listings/" aria-current="page">Needs &amp; offers</a>' in page
    assert '<a href="/coops/" aria-current="page">' not in page


def test_the_expiring_page_runs_a_bounded_number_of_queries(client_as, cast):
    from tests.helpers import SIGNED_IN, assert_query_budget

    def grow(count):
        for _ in range(count):
            make_need(cast.member, expires_on=timezone.localdate() + timedelta(days=3))

    # the layout; the count and the page of listings.
    assert_query_budget(
        client_as(cast.member.user), "/listings/expiring/", grow=grow, budget=SIGNED_IN + 2
    )
