"""core.slugs.unique_slug: every new co-op, cell and imported account gets an address of its own."""

import pytest
from django.contrib.auth import get_user_model

from core.slugs import unique_slug
from profiles.models import Coop
from tests.factories import make_coop


def coop_slug(name):
    return unique_slug(name, Coop.objects, max_length=80, fallback="coop")


@pytest.mark.django_db
def test_a_free_name_is_its_own_slug_accents_and_all():
    assert coop_slug("Café Société Coop") == "cafe-societe-coop"


@pytest.mark.django_db
def test_a_taken_slug_gets_the_next_free_number():
    make_coop(name="Outlandish", slug="outlandish")
    make_coop(name="Outlandish 2", slug="outlandish-2")
    make_coop(name="Outlandish Digital", slug="outlandish-digital")  # a longer name, not a namesake
    assert coop_slug("Outlandish") == "outlandish-3"
    assert coop_slug("Outlandish Digital") == "outlandish-digital-2"


@pytest.mark.django_db
def test_a_name_with_nothing_to_make_a_slug_from_gets_the_fallback():
    assert coop_slug("!!! ★ ???") == "coop"
    make_coop(name="A", slug="coop")
    assert coop_slug("★") == "coop-2"


@pytest.mark.django_db
def test_a_long_name_leaves_room_for_the_number_within_the_field():
    name = (
        "The Very Long Named Worker Co-operative of Hebden Bridge, Todmorden and the Calder Valley"
    )
    assert 80 < len(name) <= 120  # longer than a slug, within a co-op's name
    first = coop_slug(name)
    make_coop(name=name, slug=first)
    second = coop_slug(name)
    assert len(first) <= 80 and len(second) <= 80
    assert second == f"{first}-2" and not first.endswith("-")


@pytest.mark.django_db
def test_it_fills_any_field_in_one_query(django_assert_num_queries):
    get_user_model().objects.create(username="ana")
    with django_assert_num_queries(1):
        username = unique_slug(
            "Ana", get_user_model().objects, field="username", max_length=150, fallback="member"
        )
    assert username == "ana-2"
