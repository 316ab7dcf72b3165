from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from cotech_directory import account, site_pages, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("media/<path:path>", views.media, name="media"),
    path("me/data.json", account.data_download, name="account-data"),
    path("me/delete/", account.delete_account, name="account-delete"),
    path("about/", site_pages.about, name="about"),
    path("steering-group/", site_pages.steering_group, name="steering-group"),
    # Staff pages live under /steering/; their old addresses stay valid.
    path(
        "staff/import/",
        RedirectView.as_view(url="/steering/import/", permanent=True, query_string=True),
    ),
    # Feeds share one address style, name.atom; the first two had a folder's.
    path("meetups/feed/", RedirectView.as_view(url="/meetups/feed.atom", permanent=True)),
    path("shout-outs/feed/", RedirectView.as_view(url="/shout-outs/feed.atom", permanent=True)),
    path(
        "quiet-cells/",
        RedirectView.as_view(url="/steering/quiet-cells/", permanent=True, query_string=True),
    ),
    # Listings moved from the profiles app to their own: the admin's old pages for them.
    re_path(
        r"^admin/profiles/listing/(?P<rest>.*)$",
        RedirectView.as_view(
            url="/admin/listings/listing/%(rest)s", permanent=True, query_string=True
        ),
    ),
    path("accounts/", include("allauth.urls")),
    path("api/", include("data_io.api.urls")),
    path("admin/", admin.site.urls),
    path("", include("profiles.urls")),
    path("", include("listings.urls")),
    path("", include("data_io.urls")),
    path("", include("exchanges.urls")),
    path("", include("meetups.urls")),
]
