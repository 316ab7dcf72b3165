"""
/coops/ and /api/coops/ read the same filters the same way (profiles.filters): for any
query string a visitor may send, hostile or odd, both give the same co-ops.
"""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from profiles.models import OfficeSpace
from tests.factories import give_skills, make_coop

QUERIES = [
    {},
    {"q": "django"},
    {"q": "Café"},
    {"offers": "Open source"},
    {"offers": "open SOURCE"},
    {"needs": "Rust"},
    {"tool": "Loomio"},
    {"offers": "Nope"},
    {"region": "yorkshire"},
    {"town": "Hebden Bridge"},
    {"up_for": "mentoring"},
    {"up_for": "bogus"},
    {"office_space": "on"},
    {"include_stale": "true"},
    {"sort": "name"},
    {"sort": "bogus"},
    {"offers": "Django", "region": "Yorkshire", "sort": "name"},
    {"q": "\x00"},
    {"offers": "Django\x00"},
    {"region": "١٢٣"},
    {"town": "²³"},
    {"q": "x" * 500},
]


@pytest.fixture
def network(db):
    leeds = make_coop("Café Leeds", region="Yorkshire", town="Leeds", up_for=",mentoring,")
    give_skills(leeds, offers=["Django", "Open source"], needs=["Rust"], uses=["Loomio"])
    hebden = make_coop("Hebden Tech", region="Yorkshire", town="Hebden Bridge")
    give_skills(hebden, offers=["Open source"])
    OfficeSpace.objects.create(coop=hebden, location="Hebden Bridge", capacity=2)
    make_coop(
        "London Django", region="London", last_confirmed_at=timezone.now() - timedelta(days=900)
    )
    for coop in (leeds, hebden):
        coop.refresh_search_text()


def page_names(client, query):
    response = client.get("/coops/?" + urlencode(query))
    assert response.status_code == 200
    return [coop.name for coop in response.context["page"].object_list]


def api_names(client, query):
    response = client.get("/api/coops/?" + urlencode(query))
    assert response.status_code == 200
    return [coop["name"] for coop in response.json()["results"]]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_the_page_and_the_api_give_the_same_coops_in_the_same_order(client, network, query):
    assert page_names(client, query) == api_names(client, query)


def test_the_filters_do_filter(client, network):
    assert sorted(api_names(client, {})) == ["Café Leeds", "Hebden Tech"], "stale hidden"
    assert "London Django" in api_names(client, {"include_stale": "on"})
    assert api_names(client, {"offers": "open SOURCE", "sort": "name"}) == [
        "Café Leeds",
        "Hebden Tech",
    ]
    assert api_names(client, {"office_space": "on"}) == ["Hebden Tech"]
    assert api_names(client, {"offers": "Nope"}) == []
    assert sorted(api_names(client, {"offers": "Django\x00"})) == ["Café Leeds", "Hebden Tech"]
