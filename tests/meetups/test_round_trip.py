"""
Every meetups edit form saved unchanged changes nothing (issue 13): the cell, meetup and
shout-out forms, with accented, punctuated, multi-line and Markdown values, read back
from their own page as a browser would submit them.
"""

from datetime import timedelta

import pytest
from django.forms.models import model_to_dict
from django.utils import timezone

from meetups.models import Cell, Meetup, ShoutOut
from tests.factories import make_member
from tests.forms import submitted_form
from tests.meetups.factories import make_cell, make_meetup, make_shout_out

pytestmark = pytest.mark.django_db

TEXT = "Gestió & co-op *Markdown* — “quotes”, C++ & <b>tags</b>\nSecond line: 1,234.56 £"


def saved_unchanged(client, url, containing):
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, submitted_form(page.content, containing=containing))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_the_cell_form(client):
    champion = make_member("Núria Puig")
    cell = make_cell(
        "Hebden Bridge & Calder Valley",
        slug="hebden-bridge-calder-valley",
        champions=[champion],
        region="Yorkshire",
        area="Hebden Bridge, Todmorden — the Calder Valley",
        description=TEXT,
        aims=TEXT,
        outcomes="- one\n- two",
        benefits="",
    )
    before = model_to_dict(Cell.objects.get(pk=cell.pk))
    client.force_login(champion.user)
    saved_unchanged(client, f"/cells/{cell.slug}/edit/", "aims")
    assert model_to_dict(Cell.objects.get(pk=cell.pk)) == before


def test_the_meetup_form(client):
    champion = make_member("Núria Puig")
    cell = make_cell("Leeds", champions=[champion])
    starts = (timezone.now() + timedelta(days=9)).replace(second=0, microsecond=0)
    meetup = make_meetup(
        cell,
        title="Café & code: C++, Rust",
        starts_at=starts,
        description=TEXT,
        agenda="1. Hello\n2. Talks",
        venue="Café Gestió, 3 Carrer",
        capacity=30,
    )
    before = model_to_dict(Meetup.objects.get(pk=meetup.pk))
    client.force_login(champion.user)
    saved_unchanged(client, f"/meetups/{meetup.pk}/edit/", "agenda")
    assert model_to_dict(Meetup.objects.get(pk=meetup.pk)) == before


def test_the_shout_out_form(client):
    author = make_member("Ana Núñez")
    shout_out = make_shout_out(
        author,
        title="AI event — come with me!",
        link="https://example.org/événement?x=1&y=2",
        place="Manchester, Salford & “The Hall”",
        note=TEXT,
    )
    before = model_to_dict(ShoutOut.objects.get(pk=shout_out.pk))
    client.force_login(author.user)
    saved_unchanged(client, f"/shout-outs/{shout_out.pk}/edit/", "note")
    assert model_to_dict(ShoutOut.objects.get(pk=shout_out.pk)) == before
