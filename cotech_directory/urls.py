from django.contrib import admin
from django.urls import include, path

from cotech_directory import account, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("media/<path:path>", views.media, name="media"),
    path("me/data.json", account.data_download, name="account-data"),
    path("me/delete/", account.delete_account, name="account-delete"),
    path("accounts/", include("allauth.urls")),
    path("api/", include("cotech_directory.api.urls")),
    path("admin/", admin.site.urls),
    path("", include("profiles.urls")),
    path("", include("exchanges.urls")),
    path("", include("meetups.urls")),
]
