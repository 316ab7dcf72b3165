"""Markdown written by members, rendered to HTML that is safe to show anyone."""

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text):
    """
    HTML for `text`: Markdown rendered, then everything but a small allow-list of
    tags and attributes removed, so no script, style or event handler survives.
    Headings start at h2 because the page's own title is the h1. Links get
    rel="nofollow noopener" so the directory lends no weight to spam.
    """
    html = markdown_lib.markdown(
        text or "", extensions=["extra", "sane_lists"], output_format="html"
    )
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}", f"<h{level + 1}").replace(
            f"</h{level}>", f"</h{level + 1}>"
        )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener",
    )
