"""Co-ops as Murmurations profiles, and announcing them to an index."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from data_io.models import MurmurationsPublication
from data_io.murmurations import SCHEMA_TRANSACTION_TYPES
from profiles.models import ContactVisibility, Coop
from tests.factories import give_skills, make_coop
from tests.listings.factories import make_need, make_offer

pytestmark = pytest.mark.django_db
SITE = "https://directory.example.coop"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def cooperative(**extra):
    fields = {
        "summary": "Web co-op",
        "about": "We build *good* websites.",
        "website": "https://fair.coop",
        "contact_email": "hello@fair.coop",
        "contact_email_visibility": ContactVisibility.PUBLIC,
        "phone": "0113 000 0000",
        "phone_visibility": ContactVisibility.PUBLIC,
        "address": "1 Street, Leeds",
        "address_visibility": ContactVisibility.PUBLIC,
        "town": "Leeds",
        "region": "Yorkshire",
        "latitude": "53.800000",
        "longitude": "-1.550000",
    }
    fields.update(extra)
    coop = make_coop("Fair Code", **fields)
    give_skills(coop, offers=["Django", "x" * 50], needs=["Rust"], uses=["Loomio"])
    return coop


def test_a_public_coop_profile_follows_the_organizations_schema(client):
    cooperative()
    response = client.get("/coops/fair-code/murmurations.json")
    assert response.status_code == 200
    profile = response.json()
    assert profile["linked_schemas"] == ["organizations_schema-v1.0.0"]
    assert profile["name"] == "Fair Code"
    assert profile["primary_url"] == "https://fair.coop"
    assert profile["tags"] == ["Django", "x" * 50, "Loomio"], "offers then tools, never needs"
    assert all(isinstance(tag, str) and len(tag) <= 100 for tag in profile["tags"])
    assert profile["urls"] == [
        {"name": "Website", "url": "https://fair.coop"},
        {"name": "CoTech Directory", "url": f"{SITE}/coops/fair-code/"},
    ]
    assert profile["description"] == "Web co-op\n\nWe build *good* websites."
    assert profile["full_address"] == "1 Street, Leeds"
    assert profile["country_iso_3166"] == "GB"
    assert profile["geolocation"] == {"lat": 53.8, "lon": -1.55}
    assert profile["contact_details"] == {
        "email": "hello@fair.coop",
        "contact_form": f"{SITE}/coops/fair-code/",
    }
    assert profile["telephone"] == "0113 000 0000"
    assert "image" not in profile, "no logo, no image"


def test_members_only_contacts_never_reach_murmurations(client):
    cooperative(
        contact_email_visibility=ContactVisibility.MEMBERS,
        phone_visibility=ContactVisibility.ADMINS,
        address_visibility=ContactVisibility.MEMBERS,
        website="",
        latitude=None,
    )
    profile = client.get("/coops/fair-code/murmurations.json").json()
    assert "email" not in profile["contact_details"]
    assert "telephone" not in profile
    assert profile["full_address"] == "Leeds, Yorkshire"
    assert profile["primary_url"] == f"{SITE}/coops/fair-code/"
    assert "geolocation" not in profile
    assert "hello@fair.coop" not in json.dumps(profile)


@pytest.mark.parametrize("status", [Coop.Status.PENDING, Coop.Status.REFUSED])
def test_unapproved_coops_have_no_profile(client, status):
    make_coop("Not Yet", status=status)
    assert client.get("/coops/not-yet/murmurations.json").status_code == 404


class StandInIndex(BaseHTTPRequestHandler):
    """A Murmurations index on localhost that records what it was sent."""

    received = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        StandInIndex.received.append((self.path, body))
        answer = json.dumps({"data": {"node_id": f"node-{len(StandInIndex.received)}"}})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(answer.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def index():
    StandInIndex.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandInIndex)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v2"
    server.shutdown()
    server.server_close()


def test_publish_sends_new_and_changed_profiles_once(index):
    coop = cooperative()
    make_coop("Pending", status=Coop.Status.PENDING)
    with override_settings(MURMURATIONS_INDEX_URL=index):
        call_command("murmurations_publish")
        assert StandInIndex.received == [
            ("/v2/nodes", {"profile_url": f"{SITE}/coops/fair-code/murmurations.json"})
        ]
        assert MurmurationsPublication.objects.get().node_id == "node-1"

        call_command("murmurations_publish")
        assert len(StandInIndex.received) == 1, "nothing changed, nothing sent"

        coop.summary = "Now with more Django"
        coop.save()
        call_command("murmurations_publish")
        assert len(StandInIndex.received) == 2

        coop.status = Coop.Status.REFUSED
        coop.save()
        call_command("murmurations_publish")
        assert len(StandInIndex.received) == 3, "the index is told to look again and drop it"
        assert MurmurationsPublication.objects.get().withdrawn


def test_publish_dry_run_sends_nothing(index, capsys):
    cooperative()
    with override_settings(MURMURATIONS_INDEX_URL=index):
        call_command("murmurations_publish", "--dry-run")
    assert StandInIndex.received == []
    assert "would send new" in capsys.readouterr().out
    assert not MurmurationsPublication.objects.exists()


def test_publish_is_off_without_an_index(capsys):
    cooperative()
    call_command("murmurations_publish")
    assert "publishing is off" in capsys.readouterr().out


def test_an_unreachable_index_fails_the_command():
    cooperative()
    with (
        override_settings(MURMURATIONS_INDEX_URL="http://127.0.0.1:9/v2"),
        pytest.raises(CommandError),
    ):
        call_command("murmurations_publish")
    assert not MurmurationsPublication.objects.exists()


@pytest.mark.parametrize("cost_kind", ["free", "paid", "negotiable"])
def test_a_public_listing_profile_follows_the_offers_wants_schema(client, cost_kind):
    offer = make_offer(
        title="Django mentoring", skills=["Django"], cost_kind=cost_kind, is_public=True
    )
    profile = client.get(f"/listings/{offer.pk}/murmurations.json").json()
    assert profile["linked_schemas"] == ["offers_wants_schema-v0.1.0"]
    assert (profile["exchange_type"], profile["title"]) == ("offer", "Django mentoring")
    types = profile["transaction_type"]
    assert isinstance(types, list) and types, "an array, not a string"
    assert set(types) <= set(SCHEMA_TRANSACTION_TYPES)
    assert profile["details_url"] == f"{SITE}/listings/{offer.pk}/"
    assert profile["tags"] == ["Django"]


def test_members_only_and_closed_listings_have_no_profile(client):
    hidden = make_need(title="Members only")
    closed = make_need(title="Done", is_public=True)
    closed.close("fulfilled")
    for listing in (hidden, closed):
        assert client.get(f"/listings/{listing.pk}/murmurations.json").status_code == 404
