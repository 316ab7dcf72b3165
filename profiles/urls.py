from django.urls import path

from profiles import views

app_name = "profiles"
urlpatterns = [
    path("coops/", views.coop_list, name="coop-list"),
    path("listings/", views.listing_list, name="listing-list"),
    path("me/", views.me, name="me"),
]
