from django.urls import path

from meetups.views import cells, community, meetups

app_name = "meetups"
urlpatterns = [
    path("cells/", cells.cell_list, name="cell-list"),
    path("propose-a-cell/", cells.cell_propose, name="cell-propose"),
    path("steering/quiet-cells/", cells.quiet_cell_list, name="quiet-cell-list"),
    path("cells/<slug:slug>/", cells.cell_detail, name="cell-detail"),
    path("cells/<slug:slug>/edit/", cells.cell_edit, name="cell-edit"),
    path("cells/<slug:slug>/join/", cells.cell_join, name="cell-join"),
    path("cells/<slug:slug>/leave/", cells.cell_leave, name="cell-leave"),
    path("cells/<slug:slug>/rotate/", cells.cell_rotate, name="cell-rotate"),
    path("cells/<slug:slug>/schedule/", meetups.meetup_schedule, name="meetup-schedule"),
    path("cells/<slug:slug>/calendar.ics", cells.cell_calendar, name="cell-calendar"),
    path("founder-terms/<int:pk>/accept/", cells.founder_accept, name="founder-accept"),
    path("founder-terms/<int:pk>/pass/", cells.founder_pass, name="founder-pass"),
    path("meetups/calendar.ics", meetups.all_calendar, name="calendar"),
    path("meetups/<int:pk>/", meetups.meetup_detail, name="meetup-detail"),
    path("meetups/<int:pk>/edit/", meetups.meetup_edit, name="meetup-edit"),
    path("meetups/<int:pk>/cancel/", meetups.meetup_cancel, name="meetup-cancel"),
    path("meetups/<int:pk>/held/", meetups.meetup_record_held, name="meetup-record-held"),
    path("meetups/<int:pk>/rsvp/", meetups.meetup_rsvp, name="meetup-rsvp"),
    path("meetups/<int:pk>/email/", meetups.meetup_email, name="meetup-email"),
    path("meetups/<int:pk>/calendar.ics", meetups.meetup_calendar, name="meetup-calendar"),
    path("gatherings/", meetups.gathering_list, name="gathering-list"),
    path("gatherings/new/", meetups.gathering_schedule, name="gathering-schedule"),
    path("shout-outs/", community.shout_out_list, name="shout-out-list"),
    path("shout-outs/new/", community.shout_out_create, name="shout-out-create"),
    path("shout-outs/feed.atom", community.ShoutOutFeed(), name="shout-out-feed"),
    path("meetups/feed.atom", community.UpcomingMeetupFeed(), name="meetup-feed"),
    path("shout-outs/<int:pk>/edit/", community.shout_out_edit, name="shout-out-edit"),
    path("shout-outs/<int:pk>/delete/", community.shout_out_delete, name="shout-out-delete"),
]
