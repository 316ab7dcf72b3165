"""The steering group's back office: every profiles model listed, searchable and filterable."""

from django.contrib import admin

from profiles.models import (
    Coop,
    CoopSkill,
    InKindOffer,
    Invitation,
    JoinRequest,
    Member,
    Membership,
    MemberSkill,
    OfficeSpace,
    Skill,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["member", "coop"]


class CoopSkillInline(admin.TabularInline):
    model = CoopSkill
    extra = 0
    autocomplete_fields = ["skill"]


class MemberSkillInline(admin.TabularInline):
    model = MemberSkill
    extra = 0
    autocomplete_fields = ["skill"]


class OfficeSpaceInline(admin.StackedInline):
    model = OfficeSpace
    extra = 0


class InKindOfferInline(admin.TabularInline):
    model = InKindOffer
    extra = 0


@admin.register(Coop)
class CoopAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "region", "last_confirmed_at", "last_reminded_at"]
    list_filter = ["status", "region", "legal_form", "country"]
    search_fields = ["name", "slug", "summary", "search_text"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at", "reviewed_at", "reviewed_by"]
    date_hierarchy = "last_confirmed_at"
    inlines = [MembershipInline, CoopSkillInline, OfficeSpaceInline, InKindOfferInline]


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "region", "last_confirmed_at", "last_reminded_at"]
    list_filter = ["region", "user__is_active"]
    search_fields = ["display_name", "user__email", "search_text"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [MembershipInline, MemberSkillInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["member", "coop", "role", "joined_at"]
    list_filter = ["role"]
    search_fields = ["member__display_name", "member__user__email", "coop__name"]
    list_select_related = ["member", "coop"]
    autocomplete_fields = ["member", "coop"]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["member", "coop", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["member__display_name", "coop__name"]
    list_select_related = ["member", "coop"]
    autocomplete_fields = ["member", "coop"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "coop", "role", "created_at", "accepted_at"]
    list_filter = ["role", ("accepted_at", admin.EmptyFieldListFilter)]
    search_fields = ["email", "coop__name"]
    list_select_related = ["coop"]
    readonly_fields = ["token"]
    autocomplete_fields = ["coop"]


@admin.register(OfficeSpace)
class OfficeSpaceAdmin(admin.ModelAdmin):
    list_display = ["coop", "kind", "location", "town", "capacity"]
    list_filter = ["kind", "town"]
    search_fields = ["coop__name", "location", "town"]
    list_select_related = ["coop"]


@admin.register(InKindOffer)
class InKindOfferAdmin(admin.ModelAdmin):
    list_display = ["title", "coop"]
    search_fields = ["title", "description", "coop__name"]
    list_select_related = ["coop"]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]


@admin.register(CoopSkill)
class CoopSkillAdmin(admin.ModelAdmin):
    list_display = ["coop", "relation", "skill"]
    list_filter = ["relation", "skill__kind"]
    search_fields = ["coop__name", "skill__name"]
    list_select_related = ["coop", "skill"]
    autocomplete_fields = ["coop", "skill"]


@admin.register(MemberSkill)
class MemberSkillAdmin(admin.ModelAdmin):
    list_display = ["member", "relation", "skill"]
    list_filter = ["relation", "skill__kind"]
    search_fields = ["member__display_name", "skill__name"]
    list_select_related = ["member", "skill"]
    autocomplete_fields = ["member", "skill"]
