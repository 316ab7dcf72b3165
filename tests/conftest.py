import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER", "") not in ("", "0", "false")


def browser_available():
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


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


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and cached fragments live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
