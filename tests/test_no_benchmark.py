"""The benchmark stays out of production: no table, no URL, no command."""

import pytest
from django.core.management import get_commands
from django.db import connection

pytestmark = pytest.mark.django_db


def test_a_migrated_database_has_no_benchmark_table():
    tables = connection.introspection.table_names()
    assert "bench_scalenetwork" not in tables
    assert "cotech_directory_scalenetwork" not in tables
    assert "profiles_coop" in tables  # the introspection does see the site's tables


def test_the_baseline_page_is_not_found(client):
    assert client.get("/bench/baseline/").status_code == 404


def test_seed_scale_is_not_a_command():
    assert "seed_scale" not in get_commands()
    assert "seed_demo" in get_commands()
