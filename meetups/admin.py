from django.contrib import admin

from meetups import services
from meetups.models import (
    RSVP,
    Cell,
    CellMembership,
    FounderTerm,
    Meetup,
    ShoutOut,
    SitePage,
    SteeringGroupMember,
)


class CellMembershipInline(admin.TabularInline):
    model = CellMembership
    extra = 0
    raw_id_fields = ["member"]


@admin.register(Cell)
class CellAdmin(admin.ModelAdmin):
    """The steering group approves proposed cells and appoints champions here."""

    list_display = ["name", "region", "status", "cadence_months", "quiet_reminded_at"]
    list_filter = ["status", "region"]
    search_fields = ["name", "region", "area"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["champions"]
    raw_id_fields = ["proposed_by"]
    inlines = [CellMembershipInline]
    actions = ["approve"]

    @admin.action(description="Approve the selected proposed cells")
    def approve(self, request, queryset):
        updated = services.approve_cells(queryset)
        self.message_user(request, f"{updated} cells approved.")


@admin.register(FounderTerm)
class FounderTermAdmin(admin.ModelAdmin):
    list_display = ["cell", "member", "status", "round", "proposed_at", "started_on", "ended_on"]
    list_filter = ["status", "cell"]
    search_fields = ["cell__name", "member__display_name"]
    list_select_related = ["cell", "member"]
    # History is written by the rotation workflow only.
    readonly_fields = ["cell", "member", "status", "round", "proposed_at", "started_on", "ended_on"]


class RSVPInline(admin.TabularInline):
    model = RSVP
    extra = 0
    raw_id_fields = ["member"]


@admin.register(Meetup)
class MeetupAdmin(admin.ModelAdmin):
    list_display = ["title", "cell", "starts_at", "status", "kind", "capacity"]
    list_filter = ["status", "kind", "cell"]
    search_fields = ["title", "venue", "cell__name"]
    date_hierarchy = "starts_at"
    list_select_related = ["cell"]
    raw_id_fields = ["created_by", "office_space"]
    inlines = [RSVPInline]


@admin.register(RSVP)
class RSVPAdmin(admin.ModelAdmin):
    list_display = ["meetup", "member", "status", "answered_at"]
    list_filter = ["status"]
    search_fields = ["meetup__title", "member__display_name"]
    list_select_related = ["meetup", "member"]
    raw_id_fields = ["member", "meetup"]


@admin.register(CellMembership)
class CellMembershipAdmin(admin.ModelAdmin):
    list_display = ["cell", "member", "joined_at"]
    list_filter = ["cell"]
    search_fields = ["cell__name", "member__display_name"]
    list_select_related = ["cell", "member"]
    raw_id_fields = ["member"]


@admin.register(ShoutOut)
class ShoutOutAdmin(admin.ModelAdmin):
    list_display = ["title", "date", "author", "cell"]
    list_filter = ["cell", "date"]
    search_fields = ["title", "place", "note", "author__display_name"]
    list_select_related = ["author", "cell"]
    raw_id_fields = ["author"]


@admin.register(SitePage)
class SitePageAdmin(admin.ModelAdmin):
    """Staff edit the About page and the steering group's text here."""

    list_display = ["title", "slug", "updated_at"]
    search_fields = ["title", "body"]


@admin.register(SteeringGroupMember)
class SteeringGroupMemberAdmin(admin.ModelAdmin):
    list_display = ["member", "role", "order"]
    search_fields = ["member__display_name", "role"]
    list_select_related = ["member"]
    raw_id_fields = ["member"]
