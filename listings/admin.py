"""Needs and offers in the admin, for the steering group to tidy up."""

from django.contrib import admin

from listings.models import Listing


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "category", "author", "coop", "status", "expires_on"]
    list_filter = ["kind", "category", "status", "is_public"]
    search_fields = ["title", "search_text"]
    list_select_related = ["author", "coop"]
    raw_id_fields = ["author", "coop"]
    filter_horizontal = ["skills"]
    date_hierarchy = "created_at"
    readonly_fields = ["search_text", "reminded_for_expiry", "closed_at", "created_at"]
