"""Atom feeds of the whole site, listed in every page's <head> so feed readers find them."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from profiles.models import Coop
from tests.factories import make_coop
from tests.listings.factories import make_need
from tests.meetups.factories import make_cell, make_meetup, make_shout_out

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["/coops/feed.atom", "/listings/feed.atom", "/meetups/feed.atom", "/shout-outs/feed.atom"]


def entry_titles(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_every_page_lists_the_sites_feeds(client):
    head = client.get("/").content.decode().split("</head>")[0]
    for path in (
        "/coops/feed.atom",
        "/listings/feed.atom",
        "/meetups/feed.atom",
        "/shout-outs/feed.atom",
    ):
        assert 'type="application/atom+xml" title=' in head and f'href="{path}"' in head


def test_the_new_coops_feed_holds_approved_coops_only(client):
    make_coop("Fair Code")
    make_coop("Not Yet", status=Coop.Status.PENDING)
    make_coop("<script>alert(1)</script>")
    titles = entry_titles(client.get("/coops/feed.atom"))
    assert "Fair Code" in titles and "Not Yet" not in titles
    assert "<script>alert(1)</script>" in titles, "escaped in the XML, read back as text"


def test_a_coops_summary_reaches_feed_readers_as_text_not_html(client):
    make_coop("Fair Code", summary='We <img src=x onerror="alert(1)"> build & host')
    root = ET.fromstring(client.get("/coops/feed.atom").content)
    summary = root.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == "We &lt;img src=x onerror=&quot;alert(1)&quot;&gt; build &amp; host"


def test_the_meetups_feed_holds_coming_meetups_of_active_cells(client):
    cell = make_cell("Leeds")
    make_meetup(cell, title="Coming")
    make_meetup(cell, title="Past", starts_at=timezone.now() - timedelta(days=30))
    make_meetup(None, title="Gathering")
    make_meetup(make_cell("Proposed", status="proposed"), title="Hidden")
    titles = entry_titles(client.get("/meetups/feed.atom"))
    assert any(title.startswith("Coming (Leeds") for title in titles)
    assert any(title.startswith("Gathering (National gathering") for title in titles)
    assert not any(title.startswith(("Past", "Hidden")) for title in titles)


@pytest.mark.parametrize("path", [*FEEDS, "/skills/django/listings.atom"])
def test_every_feed_links_under_the_host_it_was_asked_on(client, settings, path, cast):
    """Not under the Sites framework's example.com: under the host the reader asked."""
    settings.ALLOWED_HOSTS = ["directory.cotech.example"]
    make_need(cast.member, title="Django pairing", skills=["Django"], is_public=True)
    make_meetup(make_cell("Leeds"), title="Coming")
    make_shout_out(cast.member, title="AI event")
    response = client.get(path, headers={"host": "directory.cotech.example"})
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    links = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert len(links) >= 3, "the page, the feed itself and at least one entry"
    assert all(link.startswith("http://directory.cotech.example/") for link in links), links
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == (
        f"http://directory.cotech.example{path}"
    )


@pytest.mark.parametrize("old, new", [
    ("/meetups/feed/", "/meetups/feed.atom"),
    ("/shout-outs/feed/", "/shout-outs/feed.atom"),
])  # fmt: skip
def test_the_feeds_old_addresses_lead_to_the_one_style(client, old, new):
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
