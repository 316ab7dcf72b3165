from django.urls import path

from profiles.views import directory, exports, imports, listings, murmurations

app_name = "profiles"
urlpatterns = [
    path("coops/", directory.coop_list, name="coop-list"),
    path("coops/export.csv", exports.coop_export, name="coop-export"),
    path("staff/import/", imports.directory_import, name="directory-import"),
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
    path("me/", directory.me, name="me"),
    path("skills/<str:slug>/", directory.skill_detail, name="skill-detail"),
    path("listings/", listings.listing_list, name="listing-list"),
]
