from django.urls import path

from data_io.views import exports, imports, murmurations

app_name = "data_io"
urlpatterns = [
    path("coops/export.csv", exports.coop_export, name="coop-export"),
    path("steering/import/", imports.directory_import, name="directory-import"),
    path("members/export.csv", exports.member_export, name="member-export"),
    path("listings/export.csv", exports.listing_export, name="listing-export"),
    path(
        "coops/<slug:slug>/murmurations.json",
        murmurations.coop_murmurations,
        name="coop-murmurations",
    ),
    path(
        "listings/<int:pk>/murmurations.json",
        murmurations.listing_murmurations,
        name="listing-murmurations",
    ),
]
