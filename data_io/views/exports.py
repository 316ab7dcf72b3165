"""CSV downloads of the directory, in the columns the importer reads."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse
from django.utils import timezone

from core import spreadsheet
from data_io.importers.export import coop_rows, member_rows, write_csv
from listings.models import Listing
from profiles.models import ContactVisibility, Coop, Member

LISTING_COLUMNS = [
    "id", "kind", "category", "title", "description", "skills", "time_amount", "time_unit",
    "cost_kind", "cost_amount", "currency", "deadline", "place", "region", "remote_ok",
    "expires_on", "posted_by", "coop", "url",
]  # fmt: skip


def csv_response(name):
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    return response


def coop_export(request):
    """Every co-op the visitor may see, contact details as their visibility allows."""
    if request.user.is_authenticated and request.user.is_staff:
        level, coops = ContactVisibility.ADMINS, Coop.objects.all()
    elif request.user.is_authenticated:
        level, coops = ContactVisibility.MEMBERS, Coop.objects.public()
    else:
        level, coops = ContactVisibility.PUBLIC, Coop.objects.public()
    response = csv_response("coops")
    write_csv(response, coop_rows(coops.order_by("name"), level))
    return response


@staff_member_required
def member_export(request):
    """Everything about every member: for the steering group only."""
    response = csv_response("members")
    write_csv(response, member_rows(Member.objects.exclude(display_name="").order_by("pk")))
    return response


def listing_export(request):
    """Open needs and offers: all of them for members, the public ones for visitors."""
    listings = Listing.objects.open()
    if not request.user.is_authenticated:
        listings = listings.public()
    listings = listings.select_related("author", "coop").prefetch_related("skills")
    response = csv_response("listings")
    writer = spreadsheet.writer(response)
    writer.writerow(LISTING_COLUMNS)
    for listing in listings.order_by("pk"):
        writer.writerow(
            [
                listing.pk, listing.kind, listing.category, listing.title, listing.description,
                "; ".join(skill.name for skill in listing.skills.all()),
                listing.time_amount or "", listing.time_unit, listing.cost_kind,
                listing.cost_amount or "", listing.currency, listing.deadline or "",
                listing.place, listing.region, listing.remote_ok, listing.expires_on,
                str(listing.author), listing.coop.slug if listing.coop else "",
                request.build_absolute_uri(listing.get_absolute_url()),
            ]
        )  # fmt: skip
    return response
