"""One way to give a new row a web address of its own (a co-op's, a cell's, an account's)."""

from django.utils.text import slugify


def unique_slug(text, queryset, *, max_length, fallback, field="slug"):
    """
    A slug made from `text` that no row of `queryset` has in `field` yet: the text
    itself, then `-2`, `-3`, ... Never longer than `max_length`, the number included
    (room is kept for up to 99,999 namesakes);
    `fallback` when the text gives nothing to make one from (only punctuation or
    symbols). One query whatever the number of namesakes.
    """
    base = slugify(text)[: max_length - len("-99999")].strip("-") or fallback
    taken = set(queryset.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
