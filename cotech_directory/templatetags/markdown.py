from django import template
from django.utils.safestring import mark_safe

from cotech_directory.lib.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """{{ coop.about|markdown }}: sanitised HTML (see cotech_directory.lib.markdown)."""
    return mark_safe(render_markdown(text))
