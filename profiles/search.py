"""
Directory search: PostgreSQL full-text search with ranking, or a contains-match elsewhere.

Each profile keeps its name, texts and skill names in `search_text`, and on
PostgreSQL the same as a stored tsvector in `search_document`, which GIN indexes
cover (migration 0006). Searching and ranking read the stored document: parsing
thousands of texts again on every search took seconds at the network's scale.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, Value

SEARCH_CONFIG = "english"


def search_vector():
    return SearchVector("search_text", config=SEARCH_CONFIG)


def document_update(text):
    """The field values that store `text` as the search document, for QuerySet.update()."""
    if connection.vendor != "postgresql":
        return {}
    return {"search_document": SearchVector(Value(text), config=SEARCH_CONFIG)}


def refresh_all_documents(model):
    """Rebuild every row's stored document from its search_text (after bulk writes)."""
    if connection.vendor == "postgresql":
        model.objects.update(search_document=search_vector())


def search(queryset, text):
    """
    Profiles in `queryset` matching `text`, annotated with `rank` (higher is better).

    PostgreSQL understands web-search syntax ("django -php", quoted phrases) and
    stems words ("bids" finds "bid"); elsewhere every word must appear in the text.
    """
    text = text.strip()
    if connection.vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return queryset.filter(search_document=query).annotate(
            rank=SearchRank(F("search_document"), query)
        )
    condition = Q()
    for word in text.split():
        condition &= Q(search_text__icontains=word)
    return queryset.filter(condition).annotate(rank=Value(0.0))
