from django.contrib import admin

from exchanges.models import (
    Agreement,
    AgreementTemplate,
    Approval,
    CompletionReport,
    Exchange,
    ExchangeEvent,
    Signature,
)


class ReadOnlyInline(admin.TabularInline):
    """The record of what happened is written by the workflow, never by hand."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EventInline(ReadOnlyInline):
    model = ExchangeEvent
    fields = ["created_at", "actor", "kind", "from_state", "to_state", "note"]
    readonly_fields = fields


class ApprovalInline(ReadOnlyInline):
    model = Approval
    fields = ["coop", "member", "decision", "note", "decided_at"]
    readonly_fields = fields


class CompletionReportInline(ReadOnlyInline):
    model = CompletionReport
    fields = ["member", "days_spent", "actual_cost", "reflection", "created_at"]
    readonly_fields = fields


@admin.register(Exchange)
class ExchangeAdmin(admin.ModelAdmin):
    list_display = ["title", "state", "host", "host_coop", "helper", "helper_coop", "updated_at"]
    list_filter = ["state", "place", "flexible", "currency"]
    search_fields = [
        "title",
        "host__display_name",
        "helper__display_name",
        "host_coop__name",
        "helper_coop__name",
    ]
    list_select_related = ["host", "helper", "host_coop", "helper_coop"]
    raw_id_fields = ["skills", "listing", "proposer", "host", "helper", "host_coop", "helper_coop"]
    # State moves only through the workflow, so the history stays true.
    readonly_fields = ["state", "current_agreement", "activated_at", "finished_at"]
    date_hierarchy = "created_at"
    inlines = [ApprovalInline, CompletionReportInline, EventInline]


@admin.register(ExchangeEvent)
class ExchangeEventAdmin(admin.ModelAdmin):
    list_display = ["exchange", "kind", "actor", "from_state", "to_state", "created_at"]
    list_filter = ["kind", "to_state"]
    search_fields = ["exchange__title", "actor__display_name", "note"]
    list_select_related = ["exchange", "actor"]
    readonly_fields = ["exchange", "kind", "actor", "from_state", "to_state", "note"]


@admin.register(Approval)
class ApprovalAdmin(admin.ModelAdmin):
    list_display = ["exchange", "coop", "decision", "member", "decided_at"]
    list_filter = ["decision"]
    search_fields = ["exchange__title", "coop__name", "member__display_name"]
    list_select_related = ["exchange", "coop", "member"]
    readonly_fields = ["exchange", "coop", "member", "decision", "note"]


@admin.register(AgreementTemplate)
class AgreementTemplateAdmin(admin.ModelAdmin):
    """The steering group edits the network's social contract here; the newest is used."""

    list_display = ["title", "updated_at"]
    search_fields = ["title", "text"]


class SignatureInline(ReadOnlyInline):
    model = Signature
    fields = ["party", "coop", "member", "signed_at"]
    readonly_fields = fields


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["exchange", "version", "title", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["exchange__title", "title"]
    list_select_related = ["exchange"]
    readonly_fields = ["exchange", "version", "title", "text", "terms"]
    inlines = [SignatureInline]


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = ["agreement", "party", "coop", "member", "signed_at"]
    list_filter = ["party"]
    search_fields = ["agreement__exchange__title", "member__display_name", "coop__name"]
    list_select_related = ["agreement__exchange", "coop", "member"]
    readonly_fields = ["agreement", "party", "coop", "member"]


@admin.register(CompletionReport)
class CompletionReportAdmin(admin.ModelAdmin):
    list_display = ["exchange", "member", "days_spent", "actual_cost", "created_at"]
    search_fields = ["exchange__title", "member__display_name", "reflection"]
    list_select_related = ["exchange", "member"]
    readonly_fields = ["exchange", "member"]
