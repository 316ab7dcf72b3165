from django.urls import path

from profiles.views import directory, listings

app_name = "profiles"
urlpatterns = [
    path("coops/", directory.coop_list, name="coop-list"),
    path("me/", directory.me, name="me"),
    path("skills/<str:slug>/", directory.skill_detail, name="skill-detail"),
    path("listings/", listings.listing_list, name="listing-list"),
]
