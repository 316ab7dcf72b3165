"""Atom feeds of the whole site, listed in every page's <head> so feed readers find them."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from profiles.models import Coop
from tests.factories import make_coop
from tests.meetups.factories import make_cell, make_meetup

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entry_titles(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_every_page_lists_the_sites_feeds(client):
    head = client.get("/").content.decode().split("</head>")[0]
    for path in ("/coops/feed.atom", "/listings/feed.atom", "/meetups/feed/", "/shout-outs/feed/"):
        assert 'type="application/atom+xml" title=' in head and f'href="{path}"' in head


def test_the_new_coops_feed_holds_approved_coops_only(client):
    make_coop("Fair Code")
    make_coop("Not Yet", status=Coop.Status.PENDING)
    make_coop("<script>alert(1)</script>")
    titles = entry_titles(client.get("/coops/feed.atom"))
    assert "Fair Code" in titles and "Not Yet" not in titles
    assert "<script>alert(1)</script>" in titles, "escaped in the XML, read back as text"


def test_the_meetups_feed_holds_coming_meetups_of_active_cells(client):
    cell = make_cell("Leeds")
    make_meetup(cell, title="Coming")
    make_meetup(cell, title="Past", starts_at=timezone.now() - timedelta(days=30))
    make_meetup(None, title="Gathering")
    make_meetup(make_cell("Proposed", status="proposed"), title="Hidden")
    titles = entry_titles(client.get("/meetups/feed/"))
    assert any(title.startswith("Coming (Leeds") for title in titles)
    assert any(title.startswith("Gathering (National gathering") for title in titles)
    assert not any(title.startswith(("Past", "Hidden")) for title in titles)
