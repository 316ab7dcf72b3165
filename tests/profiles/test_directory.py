"""The directory lists: search, every filter, combining them, sorting, stale entries, paging."""

import pytest
from django.db import connection
from django.urls import reverse

from profiles.models import Coop, UpFor
from profiles.models.shared import UpForField
from profiles.models.skills import SkillKind
from tests.factories import give_skills, make_coop, make_member
from tests.profiles.factories import (
    days_ago,
    make_in_kind_offer,
    make_office_space,
    make_stale_coop,
)

pytestmark = pytest.mark.django_db


def coop_names(client, **params):
    response = client.get(reverse("profiles:coop-list"), params)
    assert response.status_code == 200
    return [coop.name for coop in response.context["page"].object_list]


def member_names(client, **params):
    response = client.get(reverse("profiles:member-list"), params)
    assert response.status_code == 200
    return [member.display_name for member in response.context["page"].object_list]


@pytest.fixture
def network(db):
    alpha = give_skills(
        make_coop(
            "Alpha Builders",
            summary="We make websites",
            town="Leeds",
            region="Yorkshire",
            up_for=UpForField.to_stored([UpFor.MENTORING]),
            last_confirmed_at=days_ago(10),
        ),
        offers=["Django"],
        needs=["Kubernetes"],
        uses=["Nextcloud"],
    )
    beta = give_skills(
        make_coop(
            "Beta Digital",
            about="Governance coaching and **bookkeeping**",
            town="Bristol",
            region="South West",
            last_confirmed_at=days_ago(2),
        ),
        offers=["Kubernetes"],
        needs=["Django"],
    )
    give_skills(beta, offers=["Bookkeeping"], kind=SkillKind.COOP)
    make_office_space(beta)
    gamma = give_skills(
        make_stale_coop("Gamma Old", town="Leeds", region="Yorkshire"), offers=["Django"]
    )
    make_in_kind_offer(gamma)
    make_coop("Pending Django Co-op", status=Coop.Status.PENDING)
    return alpha, beta, gamma


def test_it_lists_fresh_approved_coops_freshest_first(client, network):
    assert coop_names(client) == ["Beta Digital", "Alpha Builders"]


def test_it_hides_stale_coops_unless_asked_and_marks_them(client, network):
    response = client.get(reverse("profiles:coop-list"), {"include_stale": "on"})
    names = [coop.name for coop in response.context["page"].object_list]
    assert names == ["Beta Digital", "Alpha Builders", "Gamma Old"]
    assert "Stale: last confirmed" in response.text
    assert "3 co-ops." in response.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "websites"}, ["Alpha Builders"]),
        ({"q": "bookkeeping"}, ["Beta Digital"]),  # about text and co-op skill
        ({"q": "kubernetes"}, ["Beta Digital", "Alpha Builders"]),  # skill names, both sides
        ({"q": "nextcloud"}, ["Alpha Builders"]),  # tools
        ({"q": "alpha websites"}, ["Alpha Builders"]),  # every word must match
        ({"q": "nothing-like-this"}, []),
        ({"offers": "django"}, ["Alpha Builders"]),  # case ignored
        ({"offers": "DJANGO", "include_stale": "on"}, ["Alpha Builders", "Gamma Old"]),
        ({"needs": "Django"}, ["Beta Digital"]),
        ({"tool": "nextcloud"}, ["Alpha Builders"]),
        ({"offers": "No Such Skill"}, []),
        ({"region": "yorkshire"}, ["Alpha Builders"]),
        ({"town": "Bristol"}, ["Beta Digital"]),
        ({"up_for": "mentoring"}, ["Alpha Builders"]),
        ({"office_space": "on"}, ["Beta Digital"]),
        ({"in_kind": "on", "include_stale": "on"}, ["Gamma Old"]),
        ({"offers": "Django", "region": "Yorkshire", "include_stale": "on"}, None),
        ({"offers": "Django", "needs": "Kubernetes"}, ["Alpha Builders"]),
        ({"offers": "Kubernetes", "needs": "Kubernetes"}, []),
    ],
)
def test_search_and_each_filter(client, network, params, expected):
    if expected is None:
        expected = ["Alpha Builders", "Gamma Old"]
    assert coop_names(client, **params) == expected


def test_sort_by_name_and_by_relevance(client, network):
    assert coop_names(client, sort="name", include_stale="on") == [
        "Alpha Builders",
        "Beta Digital",
        "Gamma Old",
    ]
    give_skills(network[1], offers=["Django"])
    # Alpha's search text names Django once, Beta's once too: relevance ties fall
    # back to freshness; on SQLite relevance is freshness.
    assert coop_names(client, q="django") == ["Beta Digital", "Alpha Builders"]


def test_relevance_ranks_better_matches_first_on_postgresql(client, network):
    make_coop(
        "Django Django",
        summary="Django Django Django",
        about="Django all day",
        last_confirmed_at=days_ago(100),
    )
    if connection.vendor == "postgresql":
        assert coop_names(client, q="django")[0] == "Django Django"
        assert coop_names(client, q="website") == ["Alpha Builders"]  # stemmed: websites
    else:  # a contains-match, fresher first
        assert coop_names(client, q="django") == ["Beta Digital", "Alpha Builders", "Django Django"]
        assert coop_names(client, q="website") == ["Alpha Builders"]


def test_filters_live_in_the_url_and_stay_in_the_form(client, network):
    response = client.get(reverse("profiles:coop-list"), {"offers": "Django", "town": "Leeds"})
    assert 'value="Django"' in response.text and 'value="Leeds"' in response.text


def test_bad_filter_values_show_everything_with_a_message(client, network):
    response = client.get(reverse("profiles:coop-list"), {"up_for": "<script>", "q": "x" * 300})
    assert response.status_code == 200
    assert "<script>" not in response.text
    assert "Select a valid choice" in response.text


def test_pages_of_twenty_keep_the_filters(client, db):
    for index in range(23):
        make_coop(f"Coop {index:02}", town="Leeds")
    response = client.get(reverse("profiles:coop-list"), {"town": "Leeds", "sort": "name"})
    assert len(response.context["page"].object_list) == 20
    assert "town=Leeds&amp;sort=name&amp;page=2" in response.text
    second = client.get(reverse("profiles:coop-list"), {"town": "Leeds", "page": 2})
    assert len(second.context["page"].object_list) == 3
    assert "23 co-ops" in second.text


def test_member_directory_searches_and_filters_listed_members(client_as, cast):
    give_skills(cast.member, offers=["Django"], needs=["Bids"])
    cast.member.town = "Leeds"
    cast.member.save()
    make_member("")  # not listed: no display name
    client = client_as(cast.outsider.user)
    assert member_names(client, offers="django") == ["Mo Member"]
    assert member_names(client, needs="bids") == ["Mo Member"]
    assert member_names(client, q="django") == ["Mo Member"]
    assert member_names(client, town="leeds") == ["Mo Member"]
    assert sorted(member_names(client)) == sorted(
        [
            "Olu Owner",
            "Mo Member",
            "Oz Outsider",
            "Ana Other",
            "Hal Helper",
            "Sam Steering",
            "Cel Member",
            "Fay Founder",
            "Cham Pion",
        ]
    )
    page = client.get(reverse("profiles:member-list"))
    assert "Offers office space" not in page.text  # co-op only filters


def test_search_text_follows_profile_and_skill_changes(db):
    coop = make_coop("Search Me")
    give_skills(coop, offers=["Elixir"])
    coop.refresh_from_db()
    assert "Elixir" in coop.search_text
    coop.skill_links.all().delete()
    coop.refresh_from_db()
    assert "Elixir" not in coop.search_text
    coop.summary = "Now with Haskell"
    coop.save()
    coop.refresh_from_db()
    assert "Haskell" in coop.search_text


def test_renaming_a_skill_updates_who_search_finds(client, network):
    skill = network[0].skill_links.get(relation="uses").skill
    skill.name = "OwnCloud"
    skill.save()
    assert coop_names(client, q="owncloud") == ["Alpha Builders"]


def test_the_gin_search_indexes_exist_only_on_postgresql(db):
    with connection.cursor() as cursor:
        indexes = {
            name
            for table in ("profiles_coop", "profiles_member")
            for name in connection.introspection.get_constraints(cursor, table)
        }
    expected = connection.vendor == "postgresql"
    assert ("coop_document_gin" in indexes) is expected
    assert ("member_document_gin" in indexes) is expected
    assert "coop_search_gin" not in indexes, "replaced by the stored document's index"


def test_the_stored_search_document_follows_every_change(db):
    from django.db.models import F

    from profiles.search import search
    from tests.factories import give_skills, make_coop

    coop = make_coop("Alpha Builders", summary="We build bridges")
    give_skills(coop, offers=["Elixir"])
    found = lambda text: list(search(Coop.objects.all(), text).values_list("name", flat=True))  # noqa: E731
    assert found("elixir") == ["Alpha Builders"]
    assert found("bridge") == ["Alpha Builders"], "stemmed on PostgreSQL, contained elsewhere"
    coop.summary = "We build roads"
    coop.save()
    assert found("bridges") == []
    if connection.vendor == "postgresql":
        stored = Coop.objects.filter(pk=coop.pk).values_list(F("search_document"), flat=True)[0]
        assert "road" in stored and "elixir" in stored
