"""
The one kind of feed the site offers: Atom, from Django's syndication framework.

Django builds a feed's links from the Sites framework's domain; the site is served
under whatever host the request came to (several hosts, tests, a staging copy), so
every link here is built from the request instead. One Feed instance serves every
request, so each request gets its own copy to hold the request.
"""

import copy

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed

FEED_ITEMS = 50


class AtomFeed(Feed):
    """A feed whose page (`page_url(obj)`) and entries link under the request's host."""

    feed_type = Atom1Feed
    language = "en-gb"
    request: HttpRequest  # set on each request's copy

    def __call__(self, request, *args, **kwargs):
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def page_url(self, obj):
        raise NotImplementedError("the page the feed follows")

    def link(self, obj):
        return self.absolute(self.page_url(obj))

    def feed_url(self, obj):
        return self.absolute(self.request.path)

    def item_link(self, item):
        return self.absolute(item.get_absolute_url())
