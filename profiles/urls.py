from django.urls import path

from profiles import feeds
from profiles.views import coops, directory, freshness, listings, members

app_name = "profiles"
urlpatterns = [
    path("coops/", directory.coop_list, name="coop-list"),
    path("coops/new/", coops.coop_create, name="coop-create"),
    path("coops/<slug:slug>/", coops.coop_detail, name="coop-detail"),
    path("coops/<slug:slug>/edit/", coops.coop_edit, name="coop-edit"),
    path("coops/<slug:slug>/confirm/", coops.coop_confirm, name="coop-confirm"),
    path("coops/<slug:slug>/members/", coops.coop_members, name="coop-members"),
    path(
        "coops/<slug:slug>/members/<int:pk>/role/",
        coops.membership_role,
        name="membership-role",
    ),
    path(
        "coops/<slug:slug>/members/<int:pk>/remove/",
        coops.membership_remove,
        name="membership-remove",
    ),
    path("coops/<slug:slug>/leave/", coops.coop_leave, name="coop-leave"),
    path("coops/<slug:slug>/join/", coops.coop_join, name="coop-join"),
    path(
        "coops/<slug:slug>/join-requests/<int:pk>/approve/",
        coops.join_request_decide,
        {"decision": "approve"},
        name="join-request-approve",
    ),
    path(
        "coops/<slug:slug>/join-requests/<int:pk>/refuse/",
        coops.join_request_decide,
        {"decision": "refuse"},
        name="join-request-refuse",
    ),
    path("invitations/<str:token>/", coops.invitation_detail, name="invitation"),
    path("members/", directory.member_list, name="member-list"),
    path("members/<int:pk>/", members.member_detail, name="member-detail"),
    path("me/", members.me, name="me"),
    path("me/edit/", members.me_edit, name="me-edit"),
    path("me/confirm/", members.me_confirm, name="me-confirm"),
    path("skills/<str:slug>/", directory.skill_detail, name="skill-detail"),
    path("steering/coops/", coops.coop_queue, name="coop-queue"),
    path(
        "steering/coops/<slug:slug>/approve/",
        coops.coop_review,
        {"decision": "approve"},
        name="coop-approve",
    ),
    path(
        "steering/coops/<slug:slug>/refuse/",
        coops.coop_review,
        {"decision": "refuse"},
        name="coop-refuse",
    ),
    path("steering/freshness/", freshness.freshness_report, name="freshness-report"),
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
