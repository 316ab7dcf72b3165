"""The site's URLs, with a stand-in for the exchanges page listings link to once it exists."""

from django.http import HttpResponse
from django.urls import include, path

from cotech_directory.urls import urlpatterns as site_urls
from exchanges.urls import urlpatterns as exchanges_urls


def stand_in(request):
    return HttpResponse()


exchanges = (
    [*exchanges_urls, path("exchanges/new/", stand_in, name="exchange-create")],
    "exchanges",
)
urlpatterns = [
    *(pattern for pattern in site_urls if getattr(pattern, "namespace", None) != "exchanges"),
    path("", include(exchanges)),
]
