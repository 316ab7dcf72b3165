import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER", "") not in ("", "0", "false")


def browser_available():
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


BENCH_TESTS = Path(__file__).parent / "bench"


def pytest_ignore_collect(collection_path, config):
    """tests/bench needs the bench app: it runs under bench.settings (make test does both)."""
    from django.conf import settings

    if collection_path == BENCH_TESTS and "bench" not in settings.INSTALLED_APPS:
        return True
    return None


def pytest_report_header(config):
    from django.conf import settings

    if "bench" not in settings.INSTALLED_APPS:
        return "tests/bench not collected: it runs with --ds=bench.settings (make test does)"
    return None


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's Chromium: skip them (saying so once) only outside CI."""
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items or browser_available():
        return
    if REQUIRE_BROWSER:
        raise pytest.UsageError(
            f"REQUIRE_BROWSER is set but no Chromium at {CHROMIUM}: apt-get install chromium"
        )
    print(f"\nNo Chromium at {CHROMIUM}: skipping {len(browser_items)} browser tests.")
    skip = pytest.mark.skip(reason="no Chromium installed (apt-get install chromium)")
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium; Playwright's own browser download cannot work here."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """
    On SQLite, test in a file rather than Django's shared in-memory database: threaded
    tests (two connections at once) then wait for SQLite's write lock as production does,
    where the in-memory database fails at once with "database table is locked".
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = Path(tempfile.gettempdir()) / f"cotech-test-{os.getpid()}.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(name)


@pytest.fixture(scope="session", autouse=True)
def quick_passwords():
    """Tests create many accounts; a deliberately slow password hash proves nothing here."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and cached fragments live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cast(db):
    """The suite's one cast of people (tests/cast.py), built afresh for each test."""
    from tests.cast import Cast

    return Cast()


@pytest.fixture
def client_as(client):
    """A test client signed in as `user` (or anonymous for None)."""

    def sign_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return sign_in
