"""seed_scale: the synthetic network the benchmark measures, on the smoke size."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bench.models import ScaleNetwork
from bench.scale.data import EXCHANGE_STATES, SMOKE
from exchanges.models import Agreement, Approval, Exchange, ExchangeEvent, Signature
from listings.models import Listing
from meetups.models import RSVP, Cell, Meetup
from profiles.models import Coop, Member, Membership, MemberSkill, Skill
from tests.factories import make_coop

pytestmark = pytest.mark.django_db

SMALL = ["--coops", "8", "--members", "40", "--listings", "30", "--cells", "2"]
SMALL += ["--meetups", "10", "--exchanges", "24"]


def seed(*args):
    call_command("seed_scale", *args, verbosity=0)


def snapshot():
    """What must come out the same for the same seed (times are relative to now)."""
    return {
        "coops": list(
            Coop.objects.order_by("slug").values_list("slug", "name", "status", "region")
        ),
        "members": list(
            Member.objects.order_by("user__username").values_list(
                "user__username", "display_name", "region", "search_text"
            )
        ),
        "skills": sorted(
            MemberSkill.objects.values_list("member__user__username", "skill__name", "relation")
        ),
        "listings": list(
            Listing.objects.order_by("title", "search_text").values_list("title", "kind")
        ),
        "exchanges": sorted(Exchange.objects.values_list("title", "state", "host__user__username")),
        "signatures": Signature.objects.count(),
    }


def test_smoke_size_fills_every_app():
    seed("--smoke")
    assert Coop.objects.count() == SMOKE["coops"]
    assert Member.objects.count() == SMOKE["members"]
    assert Listing.objects.count() == SMOKE["listings"]
    assert Cell.objects.count() == SMOKE["cells"]
    assert Meetup.objects.count() == SMOKE["meetups"]
    assert Exchange.objects.count() == SMOKE["exchanges"]
    # Every co-op has an admin; the busy member administers co-op 0.
    assert not Coop.objects.exclude(memberships__role="admin").exists()
    busy = Member.objects.get(user__username="scale-member-0")
    assert busy.memberships.filter(coop__slug="scale-coop-0", role="admin").exists()
    # A share of stale profiles, and search works on skills.
    assert 0 < Member.objects.stale().count() < Member.objects.count()
    assert Coop.objects.filter(search_text__icontains="python").exists()
    assert not Listing.objects.filter(search_text="").exists()
    # A few very common skills and a long tail.
    python = Skill.objects.get(name="Python")
    tail = Skill.objects.filter(kind="tech").order_by("-pk").first()
    assert python.member_links.count() > 5 * max(1, tail.member_links.count())
    assert RSVP.objects.exists() and Membership.objects.filter(role="member").exists()


def test_every_exchange_state_with_its_records():
    seed("--smoke")
    assert set(Exchange.objects.values_list("state", flat=True)) == {s for s, _ in EXCHANGE_STATES}
    for exchange in Exchange.objects.filter(state__in=["active", "completed"]):
        agreement = exchange.current_agreement
        parties = 2 + len({exchange.host_coop_id, exchange.helper_coop_id} - {None})
        assert agreement.signatures.count() == parties
        assert Approval.objects.filter(exchange=exchange).count() == parties - 2
    assert not Agreement.objects.filter(exchange__state__in=["draft", "proposed"]).exists()
    # Every exchange's history starts with its creation and ends in its state.
    for exchange in Exchange.objects.all()[:50]:
        last = ExchangeEvent.objects.filter(exchange=exchange).order_by("created_at", "pk").last()
        assert last.to_state == exchange.state


def test_capped_meetups_never_overbooked():
    seed("--smoke")
    for meetup in Meetup.objects.exclude(capacity=None):
        assert meetup.rsvps.filter(status="going").count() <= meetup.capacity


# Reseeding empties the database with `flush`, which PostgreSQL refuses inside the
# test's own transaction (pending foreign-key checks): this one commits for real.
@pytest.mark.django_db(transaction=True)
def test_same_seed_same_network_and_reused():
    seed(*SMALL, "--seed", "3")
    first = snapshot()
    seed(*SMALL, "--seed", "3")  # same size and seed: reused, nothing added
    assert snapshot() == first
    assert ScaleNetwork.objects.count() == 1
    seed(*SMALL, "--seed", "4")  # another seed: emptied and seeded again, differently
    assert snapshot() != first
    assert Coop.objects.count() == 8
    seed(*SMALL, "--seed", "3")
    assert snapshot() == first
    assert list(ScaleNetwork.objects.values_list("params__seed", flat=True)) == [3]


def test_refuses_a_database_with_real_data():
    make_coop(name="A real co-op")
    with pytest.raises(CommandError, match="empty database"):
        seed(*SMALL)
    assert Coop.objects.count() == 1
