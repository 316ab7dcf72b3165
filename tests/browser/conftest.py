import pytest

from tests.browser.axe import assert_accessible


@pytest.fixture
def visit(page, live_server):
    """Open a path on the live server and check the page with axe before the journey goes on."""

    def go(path):
        page.goto(live_server.url + path)
        assert_accessible(page)
        return page

    return go


@pytest.fixture
def checked(page):
    """Check the page the journey has arrived at (after a click or a form post)."""

    def check():
        page.wait_for_load_state()
        assert_accessible(page)
        return page

    return check
