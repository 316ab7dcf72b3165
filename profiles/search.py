"""
Directory search: PostgreSQL full-text search with ranking, or a contains-match elsewhere.

Each profile keeps its name, texts and skill names in `search_text`. On PostgreSQL
the search runs on to_tsvector('english', search_text), which the GIN indexes made
in migration 0002 cover (the expression here and there must stay the same).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q, Value

SEARCH_CONFIG = "english"


def search_vector():
    return SearchVector("search_text", config=SEARCH_CONFIG)


def search_index(name):
    """The GIN index over search_vector(); made only on PostgreSQL (see migration 0002)."""
    return GinIndex(search_vector(), name=name)


def search(queryset, text):
    """
    Profiles in `queryset` matching `text`, annotated with `rank` (higher is better).

    PostgreSQL understands web-search syntax ("django -php", quoted phrases) and
    stems words ("bids" finds "bid"); elsewhere every word must appear in the text.
    """
    text = text.strip()
    if connection.vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return queryset.annotate(
            document=search_vector(), rank=SearchRank(search_vector(), query)
        ).filter(document=query)
    condition = Q()
    for word in text.split():
        condition &= Q(search_text__icontains=word)
    return queryset.filter(condition).annotate(rank=Value(0.0))
