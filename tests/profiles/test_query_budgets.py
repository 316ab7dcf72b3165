"""
Every list and detail page runs the same, small number of queries with 5 or 50 rows.

Signed-in pages start with the same queries for the layout, written SIGNED_IN
(see tests.helpers).
"""

import itertools

import pytest
from django.urls import reverse

from core.caching import TTL
from profiles.models import Coop, Membership
from tests.factories import give_skills, make_coop, make_listing, make_member
from tests.helpers import SIGNED_IN, assert_query_budget
from tests.profiles.factories import (
    make_in_kind_offer,
    make_invitation,
    make_join_request,
    make_office_space,
    make_stale_coop,
    make_stale_member,
)

pytestmark = pytest.mark.django_db

_names = itertools.count()


def skilled_coop(**fields):
    coop = make_coop(f"Budget Co-op {next(_names)}", **fields)
    give_skills(coop, offers=["Django", f"Skill {next(_names)}"], needs=["Rust"], uses=["Git"])
    make_office_space(coop)
    make_in_kind_offer(coop)
    return coop


def skilled_member(**fields):
    member = make_member(f"Budget Person {next(_names)}", **fields)
    give_skills(member, offers=["Django"], needs=["Rust", f"Skill {next(_names)}"])
    return member


def grow_coops(n):
    for _ in range(n):
        skilled_coop()


def test_coop_list_for_visitors(client, db):
    # skill suggestions, regions, count, the page of co-ops, their skills
    assert_query_budget(client, reverse("profiles:coop-list"), grow=grow_coops, budget=5)


def test_coop_list_searching_and_filtering(client, db):
    # the filter's skills, skill suggestions, regions, count, page, their skills
    url = reverse("profiles:coop-list") + "?q=django&offers=Django&office_space=on&sort=name"
    assert_query_budget(client, url, grow=grow_coops, budget=6)


def test_coop_list_for_members(cast, client_as):
    assert_query_budget(
        client_as(cast.member.user),
        reverse("profiles:coop-list"),
        grow=grow_coops,
        budget=SIGNED_IN + 5,
    )


def test_member_list(cast, client_as):
    def grow(n):
        for _ in range(n):
            member = skilled_member()
            Membership.objects.create(coop=cast.coop, member=member)

    # the filter's skill, skill suggestions, regions, count, the page, its skills, its co-ops
    assert_query_budget(
        client_as(cast.member.user),
        reverse("profiles:member-list") + "?offers=django",
        grow=grow,
        budget=SIGNED_IN + 7,
    )


def test_coop_detail(cast, client_as):
    def grow(n):
        for _ in range(n):
            Membership.objects.create(coop=cast.coop, member=make_member())
            give_skills(cast.coop, offers=[f"Skill {next(_names)}"])
            make_office_space(cast.coop)
            make_in_kind_offer(cast.coop)

    # the co-op, the viewer's membership, its skills, office spaces, in-kind offers, people
    assert_query_budget(
        client_as(cast.member.user),
        cast.coop.get_absolute_url(),
        grow=grow,
        budget=SIGNED_IN + 6,
    )


def test_member_detail(cast, client_as):
    def grow(n):
        for _ in range(n):
            give_skills(cast.member, offers=[f"Skill {next(_names)}"])
            Membership.objects.create(coop=make_coop(), member=cast.member)

    # the member, whether the viewer administers one of their co-ops, the member
    # again with its skills and co-ops (three)
    assert_query_budget(
        client_as(cast.outsider.user),
        cast.member.get_absolute_url(),
        grow=grow,
        budget=SIGNED_IN + 5,
    )


def test_skill_detail(cast, client_as):
    def grow(n):
        for _ in range(n):
            give_skills(make_coop(), offers=["Django"])
            give_skills(make_coop(), needs=["Django"])
            give_skills(make_member(), offers=["Django"])
            give_skills(make_member(), needs=["Django"])
            make_listing(make_member(), skills=["Django"], coop=make_coop())

    # the skill, then co-ops offering, co-ops needing, members offering, members needing,
    # open listings with author and co-op, their skills
    assert_query_budget(
        client_as(cast.member.user),
        reverse("profiles:skill-detail", args=["django"]),
        grow=grow,
        budget=SIGNED_IN + 7,
    )


def test_me(cast, client_as):
    def grow(n):
        for _ in range(n):
            coop = make_coop()
            Membership.objects.create(coop=coop, member=cast.member, role="admin")
            make_invitation(make_coop(), "member@example.coop")
            make_join_request(make_coop(), cast.member)
            give_skills(cast.member, needs=[f"Skill {next(_names)}"])

    # the member with skills and co-ops (three), verified addresses, invitations,
    # join requests
    assert_query_budget(
        client_as(cast.member.user), reverse("profiles:me"), grow=grow, budget=SIGNED_IN + 6
    )


def test_coop_members_page(cast, client_as):
    def grow(n):
        for _ in range(n):
            Membership.objects.create(coop=cast.coop, member=make_member())
            make_join_request(cast.coop)
            make_invitation(cast.coop, f"invitee{next(_names)}@example.org")

    # the co-op, the viewer's membership, memberships, join requests, invitations
    assert_query_budget(
        client_as(cast.owner.user),
        reverse("profiles:coop-members", args=[cast.coop.slug]),
        grow=grow,
        budget=SIGNED_IN + 5,
    )


def test_coop_queue(cast, client_as):
    def grow(n):
        for _ in range(n):
            make_coop(status=Coop.Status.PENDING, admins=[make_member(), make_member()])

    # pending co-ops, their admins with accounts
    assert_query_budget(
        client_as(cast.staff.user),
        reverse("profiles:coop-queue"),
        grow=grow,
        budget=SIGNED_IN + 2,
    )


def test_freshness_report(cast, client_as):
    def grow(n):
        for _ in range(n):
            make_stale_coop()
            make_stale_member()

    # two shares, then a count and a page for each stale list
    assert_query_budget(
        client_as(cast.staff.user),
        reverse("profiles:freshness-report"),
        grow=grow,
        budget=SIGNED_IN + 6,
    )


def test_home(client, db):
    # A visitor: the recently confirmed co-ops, upcoming meetups, current shout-outs.
    assert_query_budget(client, reverse("home"), grow=grow_coops, budget=3)


def test_a_lists_total_is_counted_once_a_minute(client):
    """The count of a list is kept (TTL.LIST_COUNT); each filter has its own."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_coop("Counted Co-op")

    def count_queries_run(url):
        with CaptureQueriesContext(connection) as context:
            client.cookies["sessionid"] = "none"  # not a visitor's shared copy of the page
            response = client.get(url)
        assert response.status_code == 200
        return [q for q in context.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]

    assert len(count_queries_run("/coops/")) == 1
    make_coop("Second Co-op")
    assert len(count_queries_run("/coops/?page=1")) == 0  # kept: still 1 co-op shown
    assert len(count_queries_run("/coops/?q=counted")) == 1


def test_a_kept_total_never_hides_rows():
    """A kept total that is out of date is corrected by the rows the page reads."""
    from core.pagination import CountKeptPaginator

    for number in range(5):
        make_coop(f"Listed {number}")
    coops = Coop.objects.public().order_by("name")
    kept = CountKeptPaginator(coops, 2, count_key="test-count")
    assert kept.get_page(1).paginator.count == 5
    for number in range(5, 8):
        make_coop(f"Listed {number}")
    stale = CountKeptPaginator(coops, 2, count_key="test-count")
    first = stale.get_page(1)
    assert first.paginator.count == 5  # kept, and enough to page on
    third = stale.get_page(3)  # the kept total's last page, which finds more
    assert [coop.name for coop in third] == ["Listed 4", "Listed 5"]
    assert third.has_next()
    last = stale.get_page(4)
    assert [coop.name for coop in last] == ["Listed 6", "Listed 7"]
    assert not last.has_next() and stale.count == 8
    Coop.objects.filter(name__in=["Listed 6", "Listed 7"]).delete()
    shrunk = CountKeptPaginator(coops, 2, count_key="test-count").get_page(4)
    assert [coop.name for coop in shrunk] == ["Listed 4", "Listed 5"]
    assert shrunk.paginator.num_pages == 3


def test_members_share_the_directorys_results_for_a_minute(client_as, cast):
    """A kept copy of the results runs no query beyond the signed-in layout's."""
    import time_machine
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    listed = make_member("Listed Lou")
    client = client_as(cast.member.user)
    with time_machine.travel("2026-06-01 12:00Z", tick=False) as clock:
        assert "Listed Lou" in client.get("/members/").content.decode()
        listed.display_name = "Renamed Ray"
        listed.save()
        with CaptureQueriesContext(connection) as kept:
            page = client.get("/members/").content.decode()
        assert "Listed Lou" in page
        assert len(kept.captured_queries) <= SIGNED_IN
        # Another search is its own copy; after the time to live, the change shows.
        assert "Renamed Ray" in client.get("/members/?q=ray").content.decode()
        clock.shift(TTL.DIRECTORY_RESULTS + 1)
        assert "Renamed Ray" in client.get("/members/").content.decode()
