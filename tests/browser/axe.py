"""Accessibility checks with axe-core, run on every page a browser journey visits."""

from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_axe = Axe()


def assert_accessible(page):
    """Fail with axe's report if the page breaks any WCAG 2.2 A or AA rule."""
    results = _axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    assert not violations, f"{page.url}:\n{results.generate_report()}"
