from django.urls import path

from profiles import feeds
from profiles.views import (
    coops,
    directory,
    freshness,
    members,
)

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
    path("coops/feed.atom", feeds.CoopsFeed(), name="coops-feed"),
]
