"""Helpers the feature tests share."""

import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


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
