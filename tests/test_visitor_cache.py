"""Visitors share cached copies of public pages; members always see pages as they are."""

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client

from core.caching import TTL, cached_for_visitors
from tests.factories import give_skills, make_coop, make_member
from tests.meetups.factories import make_cell

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, len(context.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/coops/",
        "/coops/?q=django",
        "/coops/cached-co-op/",
        "/skills/django/",
        "/listings/",
        "/cells/",
        "/cells/leeds/",
    ],
)
def test_a_visitor_gets_the_page_another_visitor_had_without_a_query(client, url):
    coop = make_coop("Cached Co-op", summary="First words")
    give_skills(coop, offers=["Django"])
    make_cell("Leeds")
    first, first_queries = queries_for(client, url)
    second, second_queries = queries_for(client, url)
    assert first.status_code == 200
    assert first_queries > 0
    assert second_queries == 0
    assert second.context is None  # the shared copy: no template rendered
    assert second.content == first.content
    assert "Cookie" in second["Vary"]


def test_visitors_see_a_change_within_the_time_to_live(client):
    import time_machine

    coop = make_coop("Cached Co-op", summary="First words")
    with time_machine.travel("2026-06-01 12:00Z", tick=False) as clock:
        assert "First words" in client.get("/coops/cached-co-op/").content.decode()
        coop.summary = "Second words"
        coop.save()
        assert "First words" in client.get("/coops/cached-co-op/").content.decode()
        clock.shift(TTL.VISITOR_PAGE + 1)
        assert "Second words" in client.get("/coops/cached-co-op/").content.decode()


def test_members_never_get_a_visitors_copy(client, client_as):
    coop = make_coop("Cached Co-op", summary="First words")
    client.get("/coops/cached-co-op/")  # a visitor fills the cache
    coop.summary = "Second words"
    coop.save()
    member = client_as(make_member("Mo").user)
    page = member.get("/coops/cached-co-op/").content.decode()
    assert "Second words" in page
    assert "Sign out" in page
    # And what a member saw is never given to a visitor.
    assert "Sign out" not in Client().get("/coops/cached-co-op/").content.decode()


def test_a_visitor_with_a_message_waiting_is_not_served_the_shared_copy(client):
    make_coop("Cached Co-op")
    client.get("/coops/")
    assert client.get("/coops/").context is None  # the shared copy: nothing rendered
    client.cookies["messages"] = "anything"
    assert client.get("/coops/").context is not None  # rendered for this visitor


def test_pages_that_are_not_found_are_not_cached(client):
    assert client.get("/coops/nobody/").status_code == 404
    make_coop("Nobody")
    assert client.get("/coops/nobody/").status_code == 200


def test_a_page_holding_a_csrf_token_is_never_shared(rf):
    """A form's token belongs to one visitor: such a page is made afresh for each."""
    made = []

    @cached_for_visitors
    def page_with_a_form(request):
        made.append(get_token(request))
        return HttpResponse(made[-1])

    first = page_with_a_form(rf.get("/form/"))
    second = page_with_a_form(rf.get("/form/"))
    assert len(made) == 2
    assert first.content != second.content
