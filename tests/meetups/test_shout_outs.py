"""Shout-outs: shown until their date has passed, an Atom feed, author edits, staff remove."""

import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from meetups.models import ShoutOut
from tests.meetups.factories import make_shout_out

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
ATOM = "{http://www.w3.org/2005/Atom}"


@time_machine.travel(datetime(2026, 5, 10, 12, tzinfo=LONDON), tick=False)
def test_shout_outs_show_until_their_date_has_passed(cast, client):
    make_shout_out(cast.cell_member, title="Today's hack night", date=date(2026, 5, 10))
    make_shout_out(cast.cell_member, title="Cell picnic", date=date(2026, 5, 20), cell=cast.cell)
    make_shout_out(cast.cell_member, title="Yesterday's talk", date=date(2026, 5, 9))
    for url in ("/", "/shout-outs/"):
        page = client.get(url).content.decode()
        assert "Today&#x27;s hack night" in page and "Cell picnic" in page
        assert "Yesterday" not in page
    cell_page = client.get("/cells/manchester/").content.decode()
    assert "Cell picnic" in cell_page and "hack night" not in cell_page
    with time_machine.travel(datetime(2026, 5, 21, 9, tzinfo=LONDON), tick=False):
        assert "Cell picnic" not in client.get("/cells/manchester/").content.decode()


@time_machine.travel(datetime(2026, 5, 10, 12, tzinfo=LONDON), tick=False)
def test_the_atom_feed_lists_current_shout_outs_escaped(cast, client):
    make_shout_out(
        cast.cell_member,
        title="AI <event>",
        link="https://example.org/ai",
        place="<script>alert(1)</script>",
        note="Come **with me**",
        date=date(2026, 5, 12),
    )
    make_shout_out(cast.cell_member, title="Old", date=date(2026, 5, 1))
    response = client.get("/shout-outs/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["AI <event> (12 May 2026)"]
    summary = entries[0].find(f"{ATOM}summary").text
    assert "<script>" not in summary and "&lt;script&gt;" in summary
    assert "<strong>with me</strong>" in summary
    assert entries[0].find(f"{ATOM}link").get("href") == "https://example.org/ai"


def test_a_member_posts_a_shout_out_and_a_past_date_is_refused(cast, client_as):
    client = client_as(cast.outsider.user)
    data = {"title": "Co-op conference", "date": "2001-01-01", "place": "Leeds", "note": ""}
    response = client.post("/shout-outs/new/", data)
    assert "has passed" in " ".join(response.context["form"].errors["date"])
    assert not ShoutOut.objects.exists()
    data["date"] = (timezone.localdate() + timedelta(days=3)).isoformat()
    assert client.post("/shout-outs/new/", data).status_code == 302
    assert ShoutOut.objects.get().author == cast.outsider


def test_the_author_edits_and_deletes_staff_remove_others_may_not(cast, client_as):
    shout_out = make_shout_out(cast.cell_member, title="Original")
    data = {"title": "Edited", "date": shout_out.date.isoformat(), "place": "", "note": ""}
    assert (
        client_as(cast.outsider.user).post(f"/shout-outs/{shout_out.pk}/edit/", data).status_code
        == 403
    )
    assert (
        client_as(cast.staff.user).post(f"/shout-outs/{shout_out.pk}/edit/", data).status_code
        == 403
    )
    client_as(cast.cell_member.user).post(f"/shout-outs/{shout_out.pk}/edit/", data)
    shout_out.refresh_from_db()
    assert shout_out.title == "Edited"
    assert (
        client_as(cast.outsider.user).post(f"/shout-outs/{shout_out.pk}/delete/").status_code == 403
    )
    assert client_as(cast.staff.user).get(f"/shout-outs/{shout_out.pk}/delete/").status_code == 200
    assert ShoutOut.objects.exists()
    client_as(cast.staff.user).post(f"/shout-outs/{shout_out.pk}/delete/")
    assert not ShoutOut.objects.exists()
