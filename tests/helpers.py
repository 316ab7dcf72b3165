"""Helpers the feature tests share."""

import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.cast import ROLES


def count_queries(client, url, *, method="get", data=None, expected_status=200):
    """
    Request `url` with `client` and return the number of SQL queries it ran, with
    an empty cache: the worst case, and the same on every call.
    """
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = getattr(client, method)(url, data or {})
    assert response.status_code == expected_status, (url, response.status_code)
    return len(context.captured_queries)


def assert_query_budget(client, url, *, grow, budget, **kwargs):
    """
    The page at `url` runs at most `budget` queries, and no more with more data.

    `grow(n)` adds n more rows of whatever the page lists; the page is counted
    after 5 and after 50 so that a query per row shows up as a difference.
    """
    grow(5)
    small = count_queries(client, url, **kwargs)
    grow(45)
    large = count_queries(client, url, **kwargs)
    assert small <= budget, f"{url} ran {small} queries with 5 rows; the budget is {budget}"
    assert large == small, f"{url} ran {small} queries with 5 rows but {large} with 50"
    return large


def link_in(mail_body, path_fragment):
    """The first absolute or relative link in an e-mail body that contains path_fragment."""
    for link in re.findall(r"https?://[^\s<>\"]+|/[^\s<>\"]+", mail_body):
        if path_fragment in link:
            return link
    raise AssertionError(f"no link containing {path_fragment!r} in:\n{mail_body}")


# Every signed-in page starts with these: the session, the user, the freshness nag
# (the viewer's profile joined to their co-ops) and the quiet-cell banner (quiet
# cells the viewer champions). Budgets are written SIGNED_IN + the page's own.
SIGNED_IN = 4


# --- URL x role tables -------------------------------------------------------------

REFUSED = "refused"  # a 302 back to the row's page with a message; nothing changes


def by_role(default, **codes):
    """A table row's statuses: `default` for every role of ROLES but those named."""
    assert set(codes) <= set(ROLES), set(codes) - set(ROLES)
    return {**dict.fromkeys(ROLES, default), **codes}


@dataclass(frozen=True)
class Access:
    """
    One row of a URL x role table.

    `url` and `to` are templates filled from the world's `names`. `expect` gives each role
    of tests.cast.ROLES its status: 200, 403, 404, 405, 302 (the step was taken and the
    page redirects to `to`) or REFUSED (a 302 to `to` with a message, nothing done); a 302
    for "anonymous" means the sign-in page with ?next=. `done(world, role)` reads the
    database and says whether the step happened: it must be false before the request,
    and true after it exactly when the answer was a 302 that was not a refusal.
    """

    method: str
    url: str
    expect: dict
    data: dict | None = None
    to: str | None = None
    done: Callable | None = None

    def __str__(self):
        return f"{self.method.upper()} {self.url}"


def assert_access(client, row, role, *, world=None, names=None):
    """Request `row` as `role` with `client` and check the status, the redirect and the step."""
    names = names or {}
    url = row.url.format(**names)
    want = row.expect[role]
    if row.done is not None:
        assert not row.done(world, role), f"{row} had happened before {role} asked"
    response = getattr(client, row.method)(url, row.data or {})
    status = 302 if want == REFUSED else want
    assert response.status_code == status, (
        f"{role} {row.method.upper()} {url}: {response.status_code}, expected {status}"
    )
    if response.status_code == 302:
        location = response["Location"]
        if role == "anonymous":
            assert location == redirect_to_login(url).url, f"{role} {url} went to {location}"
        else:
            assert row.to is not None, f"{row}: say where a signed-in 302 goes (to=...)"
            assert location == row.to.format(**names), f"{role} {url} went to {location}"
    if row.done is not None:
        happened = row.done(world, role)
        should = want == 302 and role != "anonymous"
        assert happened == should, f"{role} {row.method.upper()} {url}: the step " + (
            "happened" if happened else "did not happen"
        )
    return response


@contextmanager
def module_world(django_db_blocker, build):
    """
    Yield `build()`, made once for a test module inside a transaction rolled back when
    the module ends. Each test's `db` fixture nests a savepoint inside it, so every test
    starts from the same world; tests must read what they check from the database.
    """
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
        try:
            world = build()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield world
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
