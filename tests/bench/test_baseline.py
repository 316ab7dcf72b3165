"""The benchmark's baseline page: served under bench.settings, with no database query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_the_baseline_page_runs_no_query(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/bench/baseline/")
    assert response.status_code == 200
    assert b"Co-operative 19" in response.content
    assert queries.captured_queries == []


def test_the_site_is_served_beside_it(client):
    assert client.get("/healthz").status_code == 200


def test_the_bench_table_is_there():
    assert "bench_scalenetwork" in connection.introspection.table_names()
