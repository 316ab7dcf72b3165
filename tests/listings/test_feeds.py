"""Atom feeds of new open listings marked public: all, and per skill."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.sites.models import Site

from tests.helpers import assert_query_budget
from tests.listings.factories import make_need, make_offer

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entries(response):
    root = parse(response)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


@pytest.fixture
def listings(db):
    make_need(title="Public Django need", skills=["Django"], is_public=True)
    make_offer(title="Public Rust offer", skills=["Rust"], is_public=True)
    make_offer(title="Members-only Django offer", skills=["Django"])
    make_need(title="Closed public need", skills=["Django"], is_public=True).close("fulfilled")


def test_the_feed_has_only_open_public_listings_newest_first(client, listings):
    assert entries(client.get("/listings/feed.atom")) == [
        "Offer: Public Rust offer",
        "Need: Public Django need",
    ]


def test_the_skill_feed_has_only_that_skill(client, listings):
    response = client.get("/skills/django/listings.atom")
    assert entries(response) == ["Need: Public Django need"]
    root = parse(response)
    link = root.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link.startswith("http://testserver/listings/")


def test_an_unknown_skill_has_no_feed(client, listings):
    assert client.get("/skills/cobol/listings.atom").status_code == 404


def test_feed_text_is_escaped(client):
    make_need(
        title="<script>x</script>", description="<img src=x onerror=alert(1)>", is_public=True
    )
    body = client.get("/listings/feed.atom").content.decode()
    assert "<script>" not in body
    assert "<img" not in body


def test_pages_point_to_their_feeds(client_as, cast):
    need = make_need(cast.member, skills=["Django"])
    page = client_as(cast.member.user).get(f"/listings/{need.pk}/").content.decode()
    assert 'type="application/atom+xml"' in page
    assert 'href="/listings/feed.atom"' in page
    assert 'href="/skills/django/listings.atom"' in page


def test_the_feed_runs_a_bounded_number_of_queries(client):
    def grow(count):
        for _ in range(count):
            make_offer(skills=["Django", "Docker"], is_public=True)

    # Django's syndication reads the Sites row once per process, not per feed.
    Site.objects.get_current()
    # the newest listings with author and co-op, their skills.
    assert_query_budget(client, "/listings/feed.atom", grow=grow, budget=2)


def test_the_skill_page_lists_open_listings_and_links_its_feed(client):
    make_need(title="Public Django help", skills=["Django"], is_public=True)
    make_need(title="Members-only Django help", skills=["Django"])
    page = client.get("/skills/django/").content.decode()
    assert "Public Django help" in page and "Members-only Django help" not in page
    assert 'type="application/atom+xml"' in page and "/skills/django/listings.atom" in page
