"""
Pages of long lists. Counting a hundred thousand rows on every page view cost more
than showing the page itself, so a list's total is kept in the shared cache.
"""

from functools import cached_property

from django.core.cache import cache
from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import QuerySet

from core.caching import TTL, cache_key


class CountKeptPaginator(Paginator):
    """
    A Paginator whose total is kept in the shared cache under `count_key` for
    TTL.LIST_COUNT. A kept total may be out of date, so a page never trusts it to
    cut rows: it reads one row more than it shows, and corrects the total when
    the rows prove it wrong (on the last page, where it becomes exact).
    """

    object_list: QuerySet  # pages of a query: its count is what is kept

    def __init__(self, object_list, per_page, *, count_key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        return cache.get_or_set(self.count_key, self.object_list.count, TTL.LIST_COUNT)

    def _correct_count(self, count):
        self.__dict__["count"] = count
        self.__dict__.pop("num_pages", None)
        cache.set(self.count_key, count, TTL.LIST_COUNT)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if len(rows) <= self.per_page:  # the last page: now the total is known
            if self.count != bottom + len(rows):
                self._correct_count(bottom + len(rows))
            if not rows and number > 1:
                raise EmptyPage("That page has no results")
        elif self.count <= bottom + self.per_page:
            self._correct_count(bottom + len(rows))  # at least this many
        return Page(rows[: self.per_page], number, self)

    def get_page(self, number):
        try:
            return super().get_page(number)
        except EmptyPage:  # past the end of a total that had shrunk: the last page
            return self.page(self.num_pages)


def list_page(request, queryset, per_page, *, form, name):
    """
    The page of `queryset` the request asks for. The total is kept per list
    (`name`), per filter values of `form` and per kind of viewer (visitor or member).
    """
    data = form.cleaned_data if form.is_valid() else {}  # invalid filters filter nothing
    filters = sorted((key, str(value)) for key, value in data.items() if value)
    viewer = "member" if request.user.is_authenticated else "visitor"
    paginator = CountKeptPaginator(
        queryset, per_page, count_key=cache_key("list-count", name, viewer, filters)
    )
    return paginator.get_page(request.GET.get("page"))
