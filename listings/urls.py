from django.urls import path

from listings import feeds, views

app_name = "listings"
urlpatterns = [
    path("listings/", views.listing_list, name="listing-list"),
    path("listings/new/", views.listing_create, name="listing-create"),
    path("listings/expiring/", views.listing_expiring, name="listing-expiring"),
    path("listings/<int:pk>/", views.listing_detail, name="listing-detail"),
    path("listings/<int:pk>/matches/", views.listing_matches, name="listing-matches"),
    path("listings/<int:pk>/edit/", views.listing_edit, name="listing-edit"),
    path("listings/<int:pk>/close/", views.listing_close, name="listing-close"),
    path("listings/<int:pk>/renew/", views.listing_renew, name="listing-renew"),
    path("listings/<int:pk>/message/", views.listing_message, name="listing-message"),
    path("members/<int:pk>/message/", views.member_message, name="member-message"),
    path("coops/<slug:slug>/message/", views.coop_message, name="coop-message"),
    path("listings/feed.atom", feeds.ListingsFeed(), name="listings-feed"),
    path("skills/<str:slug>/listings.atom", feeds.SkillListingsFeed(), name="skill-listings-feed"),
]
