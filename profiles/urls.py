from django.urls import path

from profiles.views import directory, exports, listings

app_name = "profiles"
urlpatterns = [
    path("coops/", directory.coop_list, name="coop-list"),
    path("coops/export.csv", exports.coop_export, name="coop-export"),
    path("members/export.csv", exports.member_export, name="member-export"),
    path("listings/export.csv", exports.listing_export, name="listing-export"),
    path("me/", directory.me, name="me"),
    path("skills/<str:slug>/", directory.skill_detail, name="skill-detail"),
    path("listings/", listings.listing_list, name="listing-list"),
]
