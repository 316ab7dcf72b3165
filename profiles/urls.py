from django.urls import path

from profiles import feeds
from profiles.views import directory, listings

app_name = "profiles"
urlpatterns = [
    path("coops/", directory.coop_list, name="coop-list"),
    path("me/", directory.me, name="me"),
    path("skills/<str:slug>/", directory.skill_detail, name="skill-detail"),
    path("listings/", listings.listing_list, name="listing-list"),
    path("listings/new/", listings.listing_create, name="listing-create"),
    path("listings/<int:pk>/", listings.listing_detail, name="listing-detail"),
    path("listings/<int:pk>/matches/", listings.listing_matches, name="listing-matches"),
    path("listings/<int:pk>/edit/", listings.listing_edit, name="listing-edit"),
    path("listings/<int:pk>/close/", listings.listing_close, name="listing-close"),
    path("listings/<int:pk>/renew/", listings.listing_renew, name="listing-renew"),
    path("listings/<int:pk>/message/", listings.listing_message, name="listing-message"),
    path("members/<int:pk>/message/", listings.member_message, name="member-message"),
    path("coops/<slug:slug>/message/", listings.coop_message, name="coop-message"),
    path("listings/feed.atom", feeds.listings_feed, name="listings-feed"),
    path("skills/<str:slug>/listings.atom", feeds.skill_listings_feed, name="skill-listings-feed"),
]
