"""The read-only JSON API: only what is public, paginated, filterable like the pages."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from listings.models import Listing
from profiles.models import ContactVisibility, Coop
from tests.factories import give_skills, make_coop, make_listing, make_member
from tests.helpers import assert_query_budget

pytestmark = pytest.mark.django_db


def secretive_coop(name="Fair Code", **extra):
    coop = make_coop(
        name,
        contact_email="hello@fair.coop",
        contact_email_visibility=ContactVisibility.PUBLIC,
        phone="0700 000 000",
        phone_visibility=ContactVisibility.MEMBERS,
        address="Secret Street 1",
        address_visibility=ContactVisibility.ADMINS,
        region="Yorkshire",
        **extra,
    )
    give_skills(coop, offers=["Django"], needs=["Rust"], uses=["Loomio"])
    return coop


def test_coops_show_only_public_fields(client):
    secretive_coop()
    make_coop("Waiting", status=Coop.Status.PENDING)
    body = client.get("/api/coops/").json()
    assert body["count"] == 1
    [coop] = body["results"]
    assert coop["name"] == "Fair Code" and coop["slug"] == "fair-code"
    assert coop["tech_skills_offered"] == ["Django"]
    assert coop["tech_skills_needed"] == ["Rust"]
    assert coop["tools"] == ["Loomio"]
    assert coop["contact"] == {"email": "hello@fair.coop"}
    text = json.dumps(body)
    assert "0700 000 000" not in text and "Secret Street" not in text
    for private in ("import_snapshot", "search_text", "review_note", "status"):
        assert private not in coop


def test_signed_in_members_get_the_same_public_view(client):
    secretive_coop()
    client.force_login(make_member().user)
    assert "0700 000 000" not in client.get("/api/coops/").content.decode()


def test_coop_detail_by_slug_and_404_for_unapproved(client):
    secretive_coop()
    make_coop("Waiting", status=Coop.Status.PENDING)
    assert client.get("/api/coops/fair-code/").json()["name"] == "Fair Code"
    assert client.get("/api/coops/waiting/").status_code == 404


def test_coops_paginate(client):
    for number in range(5):
        make_coop(f"Coop {number}")
    assert len(client.get("/api/coops/").json()["results"]) == 5, "50 a page by default"
    first = client.get("/api/coops/?page_size=2").json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["next"]
    last = client.get("/api/coops/?page_size=2&page=3").json()
    assert len(last["results"]) == 1 and last["next"] is None
    assert client.get("/api/coops/?page=9").status_code == 404


def test_coop_filters_combine(client):
    secretive_coop("Fair Code")
    other = make_coop("Other", region="London")
    give_skills(other, offers=["Django"])
    stale = make_coop("Old", region="Yorkshire", last_confirmed_at=timezone.now() - timedelta(400))
    give_skills(stale, offers=["Django"])

    def names(query):
        return [coop["name"] for coop in client.get(f"/api/coops/?{query}").json()["results"]]

    assert sorted(names("offers=django")) == ["Fair Code", "Other"]
    assert names("offers=Django&region=yorkshire") == ["Fair Code"]
    assert sorted(names("offers=django&region=Yorkshire&include_stale=on")) == ["Fair Code", "Old"]
    assert names("needs=rust") == ["Fair Code"]
    assert names("tool=Loomio") == ["Fair Code"]
    assert names("offers=cobol") == []
    assert names("q=fair") == ["Fair Code"]
    assert names("sort=name") == ["Fair Code", "Other"]


def test_listings_are_public_and_open_only(client):
    author = make_member()
    make_listing(author, title="Public need", is_public=True, skills=["Django"])
    make_listing(author, title="Members only need")
    make_listing(author, title="Closed", is_public=True, status=Listing.Status.FULFILLED)
    make_listing(
        author, title="Expired", is_public=True, expires_on=timezone.localdate() - timedelta(1)
    )
    body = client.get("/api/listings/").json()
    assert [listing["title"] for listing in body["results"]] == ["Public need"]
    assert body["results"][0]["skills"] == ["Django"]
    assert "author" not in body["results"][0]


def test_listing_filters(client):
    author = make_member()
    make_listing(author, title="Need", kind="need", is_public=True, skills=["Django"])
    make_listing(author, title="Offer", kind="offer", is_public=True, remote_ok=False)
    titles = lambda q: [x["title"] for x in client.get(f"/api/listings/?{q}").json()["results"]]  # noqa: E731
    assert titles("kind=offer") == ["Offer"]
    assert titles("skill=Django") == ["Need"]
    assert titles("remote=1") == ["Need"]


def test_the_openapi_schema_describes_the_api(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert "/api/coops/" in schema["paths"] and "/api/listings/" in schema["paths"]


def test_coop_list_runs_a_fixed_number_of_queries(client):
    def grow(count):
        for _ in range(count):
            coop = make_coop()
            give_skills(coop, offers=["Django", "Python"], uses=["Loomio"])

    # count, page of co-ops, their skill links with skills
    assert_query_budget(client, "/api/coops/", grow=grow, budget=3)


def test_listing_list_runs_a_fixed_number_of_queries(client):
    author = make_member()

    def grow(count):
        for _ in range(count):
            make_listing(author, is_public=True, skills=["Django"], coop=make_coop())

    # count, page of listings with co-ops, their skills
    assert_query_budget(client, "/api/listings/", grow=grow, budget=3)


def test_cells_and_coming_meetups(client):
    from tests.meetups.factories import make_cell, make_meetup

    champion = make_member("Cham Pion")
    leeds = make_cell("Leeds", region="Yorkshire", champions=[champion], members=[make_member()])
    make_cell("Proposed", status="proposed")
    make_meetup(leeds, title="Leeds meetup")
    make_meetup(leeds, title="Old one", starts_at=timezone.now() - timedelta(days=60))
    make_meetup(None, title="Gathering")
    cells = client.get("/api/cells/").json()["results"]
    assert [cell["slug"] for cell in cells] == ["leeds"]
    assert cells[0]["champions"] == ["Cham Pion"] and cells[0]["member_count"] == 1
    meetups = client.get("/api/meetups/").json()["results"]
    assert {meetup["title"] for meetup in meetups} == {"Leeds meetup", "Gathering"}
    assert [m["title"] for m in client.get("/api/meetups/?gatherings=1").json()["results"]] == [
        "Gathering"
    ]
    assert [m["title"] for m in client.get("/api/meetups/?cell=leeds").json()["results"]] == [
        "Leeds meetup"
    ]
    assert "rsvps" not in json.dumps(meetups)


def test_cell_and_meetup_lists_run_a_fixed_number_of_queries(client):
    from tests.meetups.factories import make_cell, make_meetup

    def grow(count):
        for _ in range(count):
            cell = make_cell(champions=[make_member()], members=[make_member()])
            make_meetup(cell)

    # count, the page of cells with member counts, their champions
    assert_query_budget(client, "/api/cells/", grow=grow, budget=3)
    # count, the page of meetups with their cells
    assert_query_budget(client, "/api/meetups/", grow=grow, budget=2)
