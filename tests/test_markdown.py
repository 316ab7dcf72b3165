import pytest

from core.markdown import render_markdown


def test_markdown_renders_links_lists_and_emphasis():
    html = render_markdown("We do **Django**.\n\n- one\n- two\n\n[site](https://example.coop)")
    assert "<strong>Django</strong>" in html
    assert "<li>one</li>" in html
    assert 'href="https://example.coop"' in html and 'rel="nofollow noopener"' in html


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        "<style>body{display:none}</style>",
        '<iframe src="https://evil.example"></iframe>',
        '<p onclick="alert(1)">hi</p>',
    ],
)
def test_markdown_removes_scripts_handlers_and_dangerous_links(attack):
    html = render_markdown(attack)
    for needle in ("<script", "onerror", "javascript:", "<style", "<iframe", "onclick", "<img"):
        assert needle not in html.lower()


def test_headings_start_below_the_page_title():
    assert render_markdown("# About us").startswith("<h2>About us</h2>")
