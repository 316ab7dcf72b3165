"""/listings/: open needs and offers, searched and filtered, fresh first, paginated."""

import pytest

from tests.factories import make_coop, make_member
from tests.helpers import SIGNED_IN, assert_query_budget
from tests.listings.factories import days_ago, make_need, make_offer

pytestmark = pytest.mark.django_db


def titles(response):
    return [listing.title for listing in response.context["page"].object_list]


@pytest.fixture
def listings(cast):
    coop = make_coop("Filter Co-op", admins=[cast.other_admin])
    found = {
        "django_need": make_need(
            title="Django help wanted", skills=["Django"], region="London", remote_ok=False,
            description="Our **booking system** needs an upgrade.",
        ),
        "rust_offer": make_offer(
            title="Rust pairing", skills=["Rust"], region="Scotland", category="work",
            coop=coop, author=cast.other_admin, confirmed_at=days_ago(3),
        ),
        "office": make_offer(
            title="Desks in Leeds", category="office-space", region="Yorkshire",
            is_public=True, confirmed_at=days_ago(10),
        ),
    }  # fmt: skip
    for listing in found.values():
        listing.refresh_search_text()
    make_need(title="Closed need", skills=["Django"]).close("withdrawn")
    return found


def test_members_see_open_listings_freshest_first(client_as, cast, listings):
    response = client_as(cast.outsider.user).get("/listings/")
    assert titles(response) == ["Django help wanted", "Rust pairing", "Desks in Leeds"]


def test_visitors_see_only_public_listings(client, listings):
    response = client.get("/listings/")
    assert titles(response) == ["Desks in Leeds"]
    assert "Sign in" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=offer", ["Rust pairing", "Desks in Leeds"]),
        ("kind=need", ["Django help wanted"]),
        ("category=office-space", ["Desks in Leeds"]),
        ("skill=django", ["Django help wanted"]),
        ("region=Scotland", ["Rust pairing"]),
        ("remote=on", ["Rust pairing", "Desks in Leeds"]),
        ("coop=filter-co-op", ["Rust pairing"]),
        ("coop=FILTER", ["Rust pairing"]),
        ("coop=nobody", []),
        ("region=scotland", ["Rust pairing"]),
        ("q=BOOKING", ["Django help wanted"]),
        ("q=rust+pairing", ["Rust pairing"]),
        ("q=filter", ["Rust pairing"]),
        ("kind=offer&remote=on&region=Yorkshire", ["Desks in Leeds"]),
        ("kind=need&region=Scotland", []),
        ("kind=nonsense", ["Django help wanted", "Rust pairing", "Desks in Leeds"]),
    ],
)
def test_filters_and_search_combine(client_as, cast, listings, query, expected):
    response = client_as(cast.outsider.user).get(f"/listings/?{query}")
    assert titles(response) == expected


def test_it_paginates_and_keeps_the_filters_in_page_links(client_as, cast):
    author = make_member()
    for number in range(25):
        make_offer(author, title=f"Offer {number}")
    client = client_as(cast.outsider.user)
    first = client.get("/listings/?kind=offer")
    assert len(titles(first)) == 20
    assert "?kind=offer&amp;page=2" in first.content.decode()
    second = client.get("/listings/?kind=offer&page=2")
    assert len(titles(second)) == 5


def test_the_list_runs_a_bounded_number_of_queries(client_as, cast):
    def grow(count):
        coop = make_coop()
        for number in range(count):
            make_need(coop=coop, skills=["Django", f"Skill {number}"], region=f"R{number % 3}")

    # the layout; count, the page of listings with author and co-op, their skills,
    # and (with an empty cache) the skill and region suggestions.
    assert_query_budget(
        client_as(cast.outsider.user), "/listings/", grow=grow, budget=SIGNED_IN + 5
    )


def test_filter_suggestions_are_capped_and_leave_out_members_only_regions(
    client, client_as, cast, listings
):
    """The region box suggests regions of public listings only; skills are suggested by use."""
    page = client.get("/listings/").content.decode()
    assert '<option value="Yorkshire">' in page  # a public listing's region
    assert '<option value="Scotland">' not in page  # a members-only listing's region
    assert '<option value="Rust">' in page
    # A filter need not be suggested to work: members can still filter on Scotland.
    response = client_as(cast.outsider.user).get("/listings/?region=Scotland")
    assert titles(response) == ["Rust pairing"]
