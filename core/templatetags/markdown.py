from django import template
from django.utils.safestring import mark_safe

from core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """{{ coop.about|markdown }}: sanitised HTML (see core.markdown)."""
    return mark_safe(render_markdown(text))
