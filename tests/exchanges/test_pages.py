"""Exchange pages: refusals, the steps through the client, lists, query budgets, escaping."""

import itertools
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from exchanges import services
from exchanges.models import Exchange, ExchangeEvent
from tests.cast import Cast
from tests.exchanges.factories import TERMS, State, make_exchange
from tests.factories import make_coop, make_member, make_skill
from tests.helpers import SIGNED_IN, assert_query_budget

pytestmark = pytest.mark.django_db


def roles_exchange(cast, state):
    """
    An exchange where the cast's "member" is the host for the cast's co-op (whose
    admin is "owner"), and a helper comes from a third co-op: "other_admin" and
    "outsider" have nothing to do with it.
    """
    helper = make_member("Hal Helper")
    third_admin = make_member("Tess Third")
    make_coop(admins=[third_admin], members=[helper])
    return make_exchange(
        cast.member,
        helper,
        host_coop=cast.coop,
        helper_coop=helper.coops.get(),
        state=state,
    )


def test_a_refusal_says_why(cast, client_as):
    exchange = roles_exchange(cast, State.PROPOSED)
    response = client_as(cast.owner.user).post(f"/exchanges/{exchange.pk}/accept/")
    assert response.status_code == 403
    assert "Only the person the proposal was sent to can answer it." in response.content.decode()


def test_cancelling_without_a_reason_shows_the_form_again(cast, client_as):
    exchange = roles_exchange(cast, State.ACTIVE)
    response = client_as(cast.owner.user).post(f"/exchanges/{exchange.pk}/cancel/", {"note": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["note"] == ["This field is required."]
    exchange.refresh_from_db()
    assert exchange.state == State.ACTIVE


def test_declining_a_proposal_needs_no_note(client_as):
    cast = Cast()
    exchange = make_exchange(cast.host, cast.helper, state=State.PROPOSED)
    response = client_as(cast.helper.user).post(f"/exchanges/{exchange.pk}/decline/", {"note": ""})
    assert response.status_code == 302
    exchange.refresh_from_db()
    assert exchange.state == State.DECLINED


def test_an_approval_note_that_is_too_long_is_refused(cast, client_as):
    exchange = roles_exchange(cast, State.AWAITING_APPROVAL)
    response = client_as(cast.owner.user).post(
        f"/exchanges/{exchange.pk}/coops/{cast.coop.pk}/approve/",
        {"note": "x" * 2001},
        follow=True,
    )
    assert "at most 2000 characters" in response.content.decode()
    assert not exchange.approvals.exists()


def test_staff_list_only_their_own_exchanges_but_may_open_any(cast, client_as):
    exchange = roles_exchange(cast, State.PROPOSED)
    client = client_as(cast.staff.user)
    assert client.get("/exchanges/").context["in_progress"].object_list == []
    assert client.get(f"/exchanges/{exchange.pk}/").status_code == 200


def test_steps_are_posts_only(cast, client_as):
    exchange = roles_exchange(cast, State.DRAFT)
    response = client_as(cast.member.user).get(f"/exchanges/{exchange.pk}/propose/")
    assert response.status_code == 405
    exchange.refresh_from_db()
    assert exchange.state == State.DRAFT


def test_a_wrong_state_step_is_a_message_and_changes_nothing(cast, client_as):
    exchange = roles_exchange(cast, State.PROPOSED)
    response = client_as(cast.member.user).post(f"/exchanges/{exchange.pk}/propose/", follow=True)
    assert "that step is not possible now" in response.content.decode()
    exchange.refresh_from_db()
    assert exchange.state == State.PROPOSED


def test_signing_a_stale_version_through_the_page_is_refused(cast, client_as):
    exchange = roles_exchange(cast, State.AGREEMENT)
    client = client_as(cast.member.user)
    client.post(f"/exchanges/{exchange.pk}/sign/", {"version": "1"})
    client.post(f"/exchanges/{exchange.pk}/terms/", TERMS)
    response = client_as(cast.owner.user).post(
        f"/exchanges/{exchange.pk}/sign/", {"version": "1"}, follow=True
    )
    page = response.content.decode()
    assert "version 2 is now current" in page
    assert f'href="/exchanges/{exchange.pk}/agreement/1/">version 1</a>' in page
    exchange.refresh_from_db()
    assert exchange.current_agreement.signatures.count() == 0


def test_the_happy_path_through_the_pages(mailoutbox, client_as):
    cast = Cast()
    exchange = cast.exchange()
    base = f"/exchanges/{exchange.pk}"
    steps = [
        (cast.host, "/propose/", {}),
        (cast.helper, "/accept/", {}),
        (cast.host_admin, f"/coops/{cast.host_coop.pk}/approve/", {"note": "Yes"}),
        (cast.helper_admin, f"/coops/{cast.helper_coop.pk}/approve/", {}),
        *[(person, "/sign/", {"version": "1"}) for person in cast.exchange_people()],
        *[
            (person, "/done/", {"days_spent": "3", "actual_cost": "300", "reflection": "Good."})
            for person in (cast.host, cast.helper)
        ],
    ]
    for person, path, data in steps:
        response = client_as(person.user).post(base + path, data)
        assert response.status_code == 302, (path, response.status_code)
    exchange.refresh_from_db()
    assert exchange.state == State.COMPLETED
    page = client_as(cast.helper_admin.user).get(base + "/").content.decode()
    assert "Completed" in page
    assert "Good." in page
    printable = client_as(cast.host.user).get(base + "/agreement/1/").content.decode()
    assert printable.count("<tr><td>") == 4  # the four signatures


def test_the_list_groups_waiting_in_progress_and_finished(cast, client_as):
    waiting = roles_exchange(cast, State.AWAITING_APPROVAL)  # the owner must approve
    in_progress = roles_exchange(cast, State.PROPOSED)  # the helper must answer
    finished = roles_exchange(cast, State.PROPOSED)
    services.cancel(finished, cast.member, "No longer needed")
    response = client_as(cast.owner.user).get("/exchanges/")
    assert response.context["waiting"].object_list == [waiting]
    assert response.context["in_progress"].object_list == [in_progress]
    assert [e.pk for e in response.context["finished"].object_list] == [finished.pk]


def test_the_list_pages_in_progress_and_finished_newest_first_without_javascript(cast, client_as):
    helper = make_member("Hal Helper")
    make_coop(admins=[make_member()], members=[helper])
    in_progress = [
        make_exchange(cast.member, helper, host_coop=cast.coop, state=State.PROPOSED)
        for _ in range(23)
    ]
    finished = [
        make_exchange(cast.member, helper, host_coop=cast.coop, state=State.COMPLETED)
        for _ in range(3)
    ]
    client = client_as(cast.owner.user)
    response = client.get("/exchanges/")
    assert [e.pk for e in response.context["in_progress"].object_list] == [
        e.pk for e in reversed(in_progress[3:])
    ]
    page = response.content.decode()
    assert 'In progress <span class="badge">23</span>' in page
    assert 'aria-label="Pages of exchanges in progress"' in page
    assert 'href="?in_progress_page=2#in-progress" rel="next">Next page</a>' in page
    assert "Pages of finished exchanges" not in page  # one page only: no links

    # The second page keeps the other list's page, and links back.
    response = client.get("/exchanges/?in_progress_page=2&finished_page=1")
    assert [e.pk for e in response.context["in_progress"].object_list] == [
        e.pk for e in reversed(in_progress[:3])
    ]
    assert [e.pk for e in response.context["finished"].object_list] == [
        e.pk for e in reversed(finished)
    ]
    page = response.content.decode()
    assert 'href="?in_progress_page=1&amp;finished_page=1#in-progress" rel="prev"' in page
    assert "Page 2 of 2" in page
    # A page number out of range shows the last page, not an error.
    response = client.get("/exchanges/?in_progress_page=99&finished_page=x")
    assert response.context["in_progress"].number == 2
    assert response.context["finished"].number == 1


def test_the_home_page_counts_what_is_waiting(cast, client_as):
    roles_exchange(cast, State.AWAITING_APPROVAL)
    roles_exchange(cast, State.AWAITING_APPROVAL)
    roles_exchange(cast, State.PROPOSED)
    response = client_as(cast.owner.user).get("/")
    assert len(response.context["exchanges_waiting"]) == 2
    page = response.content.decode()
    assert 'Exchanges waiting for you <span class="badge">2</span>' in page
    assert "All your exchanges" in page
    assert "exchanges_waiting" not in client_as(None).get("/").context


def test_the_home_page_shows_the_five_latest_waiting_and_links_to_all(cast, client_as):
    waiting = [roles_exchange(cast, State.AWAITING_APPROVAL) for _ in range(7)]
    roles_exchange(cast, State.PROPOSED)  # waiting for the helper, not the owner
    response = client_as(cast.owner.user).get("/")
    newest_first = [exchange.pk for exchange in reversed(waiting)]
    assert [exchange.pk for exchange in response.context["exchanges_waiting"]] == newest_first[:5]
    page = response.content.decode()
    assert 'Exchanges waiting for you <span class="badge">7</span>' in page
    assert 'href="/exchanges/#waiting">All 7 exchanges waiting for you</a>' in page


def test_user_text_is_escaped(cast, client_as):
    exchange = roles_exchange(cast, State.AGREEMENT)
    Exchange.objects.filter(pk=exchange.pk).update(
        title="<script>alert(1)</script>",
        description="[x](javascript:alert(2)) <img src=x onerror=alert(3)>",
    )
    ExchangeEvent.objects.create(
        exchange=exchange, kind="edited", to_state=exchange.state, note="<b onclick=x>hi</b>"
    )
    page = client_as(cast.member.user).get(f"/exchanges/{exchange.pk}/").content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:alert" not in page
    assert "onerror" not in page
    assert "<b onclick" not in page


# --- query budgets ------------------------------------------------------------------

_titles = itertools.count(1)


def busy_admin_grow(cast):
    """`grow(n)`: n more exchanges of the owner's co-op, through every state in turn."""
    helper = make_member("Hal Helper")
    make_coop("Third Co-op", admins=[make_member()], members=[helper])
    # The first five fill every list (an empty list is not asked for its page).
    states = itertools.cycle(
        [
            State.COMPLETED,
            State.DRAFT,
            State.AWAITING_APPROVAL,
            State.AGREEMENT,
            State.ACTIVE,
            State.PROPOSED,
        ]
    )

    def grow(n):
        for _ in range(n):
            make_exchange(
                cast.member,
                helper,
                host_coop=cast.coop,
                helper_coop=helper.coops.get(),
                state=next(states),
            )

    return grow


@pytest.mark.parametrize("query", ["", "?in_progress_page=2&finished_page=2", "?waiting_page=2"])
def test_the_list_page_has_a_query_budget(cast, client_as, query):
    # The layout; the viewer's member with their admin co-ops; the ids of the
    # exchanges waiting for them; the page of those (people, co-ops, current agreement
    # joined); how many are unfinished and finished; the page of those in progress;
    # the page of those finished; for the cards' "who acts next": approvals,
    # completion reports, current signatures.
    assert_query_budget(
        client_as(cast.owner.user),
        f"/exchanges/{query}",
        grow=busy_admin_grow(cast),
        budget=SIGNED_IN + 9,
    )


def test_the_home_page_asks_once_about_exchanges(cast, client_as):
    client = client_as(cast.owner.user)
    # The layout, then the home sections (cotech_directory.views.HOME_SECTIONS): the
    # member with their admin co-ops; recently confirmed co-ops; the member's co-ops
    # and the skills their needs and offers want (2), expiring listings; the exchanges
    # waiting with their count (one query); shout-outs, meetups.
    assert_query_budget(client, "/", grow=busy_admin_grow(cast), budget=SIGNED_IN + 9)
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    exchanges = [q["sql"] for q in queries.captured_queries if "exchanges_" in q["sql"]]
    assert len(exchanges) == 1, exchanges


def test_the_detail_page_has_a_query_budget(cast, client_as):
    exchange = roles_exchange(cast, State.AGREEMENT)

    def grow(n):
        for _ in range(n):
            number = next(_titles)
            ExchangeEvent.objects.create(
                exchange=exchange, kind="edited", to_state=exchange.state, note=f"note {number}"
            )
            exchange.skills.add(make_skill(f"Skill {number}"))

    # the layout; the exchange with its people, co-ops and current agreement;
    # its approvals, reports, signatures, the admins of each co-op and its skills
    # (prefetched for "who acts next"); the viewer's member; then the page's lists:
    # approvals, signatures, reports and events, each with its people; earlier versions.
    assert_query_budget(
        client_as(cast.owner.user), f"/exchanges/{exchange.pk}/", grow=grow, budget=SIGNED_IN + 13
    )


def test_the_budget_page_has_a_query_budget(cast, client_as):
    helper_coop = make_coop("Helper Co-op")

    def grow(n):
        for _ in range(n):
            Exchange.objects.create(
                title=f"Counted {next(_titles)}",
                description="x",
                proposer=cast.member,
                host=cast.member,
                helper=cast.owner,
                host_coop=cast.coop,
                helper_coop=helper_coop,
                state=State.COMPLETED,
                starts_on=date(timezone.localdate().year, 2, 1),
                time_amount=Decimal("2"),
            )

    # the layout; the exchanges that count with their co-ops; their completion reports.
    assert_query_budget(
        client_as(cast.staff.user), "/exchanges/budget/", grow=grow, budget=SIGNED_IN + 2
    )


def test_what_is_waiting_is_paged_too(cast, client_as):
    """A busy co-op admin may have hundreds waiting: a page of them at a time."""
    waiting = [roles_exchange(cast, State.AWAITING_APPROVAL) for _ in range(23)]
    client = client_as(cast.owner.user)
    first = client.get("/exchanges/")
    assert [e.pk for e in first.context["waiting"].object_list] == [
        e.pk for e in reversed(waiting[3:])
    ]
    page = first.content.decode()
    assert 'Waiting for you <span class="badge">23</span>' in page
    assert 'href="?waiting_page=2#waiting" rel="next">Next page</a>' in page
    second = client.get("/exchanges/?waiting_page=2")
    assert [e.pk for e in second.context["waiting"].object_list] == [
        e.pk for e in reversed(waiting[:3])
    ]
    # Nothing waiting shows again under "In progress".
    assert second.context["in_progress"].paginator.count == 0
