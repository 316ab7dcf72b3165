"""Suggestions: who could meet a need or use an offer, in the right order and explained."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from core.caching import TTL
from listings.matching import (
    find_matches,
    join_names,
    matches_for_listing,
    matches_for_member,
)
from profiles.models import Coop
from tests.factories import give_skills, make_coop, make_member
from tests.helpers import SIGNED_IN, assert_query_budget
from tests.listings.factories import days_ago, make_need, make_offer

pytestmark = pytest.mark.django_db

NOW = "2026-06-15 12:00Z"


@pytest.fixture
def network():
    """
    A small network where the right answer is known. Nia, in London, needs help
    with Django and Kubernetes (remote is fine). Scores: shared skills times 10, same
    region 3 (or remote 2), confirmed within 30 days 2 (within 90 days 1).
    """
    with time_machine.travel(NOW, tick=False):
        nia = make_member("Nia Need", region="London")
        nia_coop = make_coop("Nia's Co-op", admins=[nia], region="London")
        need = make_need(nia, title="Move to Kubernetes", skills=["Django", "Kubernetes"],
                         region="London", remote_ok=True)  # fmt: skip
        alice = make_member("Alice", region="North West")
        bob = make_member("Bob", region="London")
        carol = make_member("Carol", region="Yorkshire")
        people = {
            # 20 + 2 (remote) + 2 (fresh) = 24
            "alice": make_offer(alice, title="K8s and Django pairing", region="North West",
                                remote_ok=True, skills=["Django", "Kubernetes"]),
            # 10 + 3 (same region) + 2 = 15
            "bob": make_offer(bob, title="Django reviews", region="london", remote_ok=False,
                              skills=["Django", "Rust"]),
            # 10 + 0 + 0 (confirmed 100 days ago)
            "carol": make_offer(carol, title="Django mentoring", region="Yorkshire",
                                remote_ok=False, skills=["Django"], confirmed_at=days_ago(100)),
        }  # fmt: skip
        # A member profile: 10 + 3 + 1 (confirmed 62 days ago) = 14
        dan = give_skills(
            make_member("Dan", region="London", last_confirmed_at=days_ago(62)),
            offers=["Kubernetes"],
        )
        # A co-op profile: 20 + 0 + 2 = 22
        eco = give_skills(
            make_coop("Eco Tech", region="South West", last_confirmed_at=days_ago(10)),
            offers=["Django", "Kubernetes"],
        )
        # Never suggested: Nia's own offer, her co-op's, closed, expired, the wrong kind,
        # stale or unlisted profiles, co-ops not approved, and profiles that only need it.
        make_offer(nia, title="Nia's own offer", skills=["Django"])
        make_offer(alice, title="For Nia's co-op", coop=nia_coop, skills=["Django"])
        give_skills(nia_coop, offers=["Django"])
        make_offer(bob, title="Closed offer", skills=["Django"]).close("fulfilled")
        make_offer(bob, title="Expired offer", skills=["Django"],
                   expires_on=timezone.localdate() - timedelta(days=1))  # fmt: skip
        make_need(bob, title="Another need", skills=["Django"])
        give_skills(make_member("Stale Sid", last_confirmed_at=days_ago(400)), offers=["Django"])
        give_skills(make_member(""), offers=["Django"])
        give_skills(make_coop("Stale Co-op", last_confirmed_at=days_ago(400)), offers=["Django"])
        give_skills(make_coop("Pending Co-op", status=Coop.Status.PENDING), offers=["Django"])
        give_skills(make_member("Needy Ned"), needs=["Django"])
        make_offer(alice, title="Unrelated", skills=["Haskell"])
    return {"nia": nia, "need": need, "dan": dan, "eco": eco, **people}


def test_matches_for_a_need_come_ranked_and_explained(network):
    with time_machine.travel(NOW, tick=False):
        matches = matches_for_listing(network["need"])
        # timesince joins number and unit with a no-break space.
        explanations = [match.explanation.replace("\xa0", " ") for match in matches]
    assert [match.obj for match in matches] == [
        network["alice"],
        network["eco"],
        network["bob"],
        network["dan"],
        network["carol"],
    ]
    assert [match.score for match in matches] == [24, 22, 15, 14, 10]
    assert explanations == [
        "offers Django and Kubernetes · confirmed today · remote OK",
        "offers Django and Kubernetes · confirmed 1 week ago",
        "offers Django · same region · confirmed today",
        "offers Kubernetes · same region · confirmed 2 months ago",
        "offers Django · confirmed 3 months ago",
    ]


def test_an_offer_is_matched_with_needs_and_profiles_that_need_its_skills(network):
    with time_machine.travel(NOW, tick=False):
        offer = make_offer(network["dan"], skills=["Kubernetes"], region="London")
        ned = give_skills(make_member("Kube Needer"), needs=["Kubernetes"])
        matches = matches_for_listing(offer)
        explanation = matches[0].explanation
    assert [match.obj for match in matches] == [network["need"], ned]
    # Same region: that it is remote too goes without saying.
    assert explanation == "needs Kubernetes · same region · confirmed today"


def test_closed_or_expired_listings_have_no_matches(network):
    need = network["need"]
    need.close("withdrawn")
    assert matches_for_listing(need) == []


def test_no_skills_means_no_matches(network):
    assert find_matches([], wanted="offer") == []


def test_the_listing_page_shows_matches_with_explanations_to_members(client_as, network):
    client = client_as(make_member("Viewer").user)
    with time_machine.travel(NOW, tick=False):
        # A sixth, weakest suggestion: Django only, confirmed long ago.
        give_skills(make_member("Eve Older", last_confirmed_at=days_ago(150)), offers=["Django"])
        page = client.get(f"/listings/{network['need'].pk}/").content.decode()
        matches = client.get(f"/listings/{network['need'].pk}/matches/").content.decode()
    assert "Who could help" in page
    assert "offers Django and Kubernetes · confirmed today · remote OK" in page
    assert "K8s and Django pairing" in page
    assert f"/listings/{network['alice'].pk}/message/" in page
    assert f"/members/{network['dan'].pk}/message/?next=" in page
    assert "Nia&#x27;s own offer" not in page
    assert "Closed offer" not in page
    # Only five on the listing page; the rest one link away.
    assert "Django mentoring" in page
    assert "Eve Older" not in page
    assert f"/listings/{network['need'].pk}/matches/" in page
    assert "Eve Older" in matches
    # Headings in order: under the page's h1, each suggestion is an h2 there, an h3 here.
    assert f'<h2><a href="/listings/{network["alice"].pk}/">' in matches
    assert f'<h3><a href="/listings/{network["alice"].pk}/">' in page


def test_home_page_shows_matches_for_you(client_as, network):
    nia = network["nia"]
    give_skills(nia, offers=["Bookkeeping"])
    needer = give_skills(make_member("Books Needer"), needs=["Bookkeeping"])
    with time_machine.travel(NOW, tick=False):
        page = client_as(nia.user).get("/").content.decode()
        found = matches_for_member(nia)
    assert "Matches for you" in page
    assert "K8s and Django pairing" in page
    assert "needs Bookkeeping" in page
    # Nia (and her co-op) offer Django and Bookkeeping: needs for either are suggested.
    assert needer in [match.obj for match in found["for_offers"]]
    assert network["alice"] in [match.obj for match in found["for_needs"]]
    assert all(match.obj != nia for match in found["for_needs"] + found["for_offers"])


def test_visitors_get_no_matches_on_a_public_listing(client, network):
    need = network["need"]
    need.is_public = True
    need.save()
    page = client.get(f"/listings/{need.pk}/").content.decode()
    assert "Who could help" not in page


def test_join_names():
    assert join_names(["A"]) == "A"
    assert join_names(["A", "B"]) == "A and B"
    assert join_names(["A", "B", "C"]) == "A, B and C"


def _grow_matches(need):
    # Every kind shares both skills and scores the same, so that the newest of each
    # kind stay among the best and are fetched (one query per kind kept).
    def grow(count):
        for _ in range(count):
            make_offer(skills=["Django", "Kubernetes"], remote_ok=False)
            give_skills(make_member(), offers=["Django", "Kubernetes"])
            give_skills(make_coop(), offers=["Django", "Kubernetes"])

    return grow


def test_the_listing_page_runs_a_bounded_number_of_queries(client_as, cast):
    need = make_need(cast.member, skills=["Django", "Kubernetes"])
    client = client_as(cast.outsider.user)
    # the layout; listing with author and co-op, its skills (the may-change check
    # needs no query for someone who is not the author and no co-op), the ranking
    # of listings, members and co-ops together, then the rows kept of each kind (3).
    assert_query_budget(
        client, f"/listings/{need.pk}/", grow=_grow_matches(need), budget=SIGNED_IN + 6
    )


def test_the_matches_page_runs_a_bounded_number_of_queries(client_as, cast):
    need = make_need(cast.member, skills=["Django", "Kubernetes"])
    client = client_as(cast.outsider.user)
    # the layout; listing, its skills, the ranking, the rows kept of each kind (3).
    assert_query_budget(
        client, f"/listings/{need.pk}/matches/", grow=_grow_matches(need), budget=SIGNED_IN + 6
    )


def test_the_home_page_matches_run_a_bounded_number_of_queries(client_as, cast):
    make_need(cast.member, skills=["Django", "Kubernetes"])
    give_skills(cast.member, offers=["Kubernetes"])
    client = client_as(cast.member.user)

    def grow(count):
        _grow_matches(None)(count)
        for _ in range(count):
            make_need(skills=["Kubernetes"])

    # the layout; member, expiring listings, the member's co-ops, then per side:
    # the skills wanted, 3 ranked lists and 3 shared skills (twice 7); the other home
    # sections: recently confirmed co-ops, exchanges waiting (2), shout-outs, meetups.
    assert_query_budget(client, "/", grow=grow, budget=SIGNED_IN + 19)


def test_skill_names_in_explanations_are_escaped(client_as, cast):
    need = make_need(cast.member, skills=["<script>alert(1)</script>"])
    make_offer(cast.outsider, skills=["<script>alert(1)</script>"])
    page = client_as(cast.owner.user).get(f"/listings/{need.pk}/").content.decode()
    assert "offers &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_a_ranking_is_reused_but_its_rows_are_checked_again_on_every_view(network):
    """The ranking is kept for TTL.MATCH_RANKING; a closed listing drops out at once."""
    with time_machine.travel(NOW, tick=False):
        first = matches_for_listing(network["need"])
        network["alice"].close("withdrawn")
        newcomer = make_offer(title="Newcomer", skills=["Django", "Kubernetes"])
        second = matches_for_listing(network["need"])
    assert network["alice"] in [match.obj for match in first]
    assert [match.obj for match in second] == [match.obj for match in first[1:]]
    # The newcomer waits for the ranking to be worked out again.
    with time_machine.travel(NOW, tick=False) as clock:
        clock.shift(timedelta(seconds=TTL.MATCH_RANKING + 1))
        third = matches_for_listing(network["need"])
    assert third[0].obj == newcomer
