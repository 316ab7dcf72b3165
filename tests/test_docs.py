"""docs/STYLE.md's URL map names every address of the site, so it cannot quietly go stale."""

from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

STYLE = Path(__file__).resolve().parent.parent / "docs" / "STYLE.md"
NOT_MAPPED = {"admin"}  # the admin's own pages, and allauth's below


def named_urls(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in NOT_MAPPED or str(pattern.pattern) == "accounts/":
                continue
            yield from named_urls(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_the_url_map_names_every_address_of_the_site():
    text = STYLE.read_text()
    missing = {name for name in named_urls(get_resolver().url_patterns) if f"`{name}`" not in text}
    assert missing == set()


def test_readme_and_contributing_link_the_style_guide():
    root = STYLE.parent.parent
    for document in ("README.md", "CONTRIBUTING.md"):
        assert "docs/STYLE.md" in (root / document).read_text(), document
