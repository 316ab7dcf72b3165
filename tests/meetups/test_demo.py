import pytest
from django.core.management import call_command

from meetups.models import Cell, FounderTerm, Meetup, ShoutOut

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_cells_founders_meetups_a_gathering_and_shout_outs_once(client):
    call_command("seed_demo")
    counts = [model.objects.count() for model in (Cell, FounderTerm, Meetup, ShoutOut)]
    call_command("seed_demo")
    assert [model.objects.count() for model in (Cell, FounderTerm, Meetup, ShoutOut)] == counts
    assert counts[0] >= 3 and Meetup.objects.gatherings().exists()
    demo_cell = Cell.objects.get(champions__user__username="demo")
    assert demo_cell.founder_terms.filter(status=FounderTerm.Status.SERVED).count() == 2
    assert demo_cell.meetups.upcoming().exists() and demo_cell.meetups.past().exists()
    assert Cell.objects.quiet().filter(slug="london").exists()
    client.force_login(demo_cell.champions.get().user)
    assert client.get(demo_cell.get_absolute_url()).status_code == 200
