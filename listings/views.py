"""Needs and offers: the list, each listing and its matches, posting, closing, renewing, writing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from core.caching import cached_for_visitors
from core.pagination import list_page
from core.steps import refuse
from listings.filters import ListingFilter
from listings.forms import (
    CloseListingForm,
    ListingForm,
    MessageForm,
)
from listings.home import EXPIRING_SOON_DAYS, expiring_soon
from listings.matching import matches_for_listing
from listings.messaging import MessageError, send_message
from listings.models import Listing, ListingError
from profiles.models import Coop, Member
from profiles.suggestions import region_suggestions, skill_suggestions

LISTINGS_PER_PAGE = 20
MATCHES_ON_LISTING = 5
MATCHES_ON_MATCH_PAGE = 30


def get_listing(request, pk, *, change=False):
    """
    The listing `pk` for this request: 404 when there is none; 403 when `change` is
    asked by someone who may only see it. Every member sees every listing; for a
    visitor, one not marked public gives None, and the view sends them to sign in.
    """
    listing = get_object_or_404(
        Listing.objects.select_related("author__user", "coop").prefetch_related("skills"), pk=pk
    )
    if not request.user.is_authenticated and not listing.is_public:
        return None
    if change and not listing.can_be_changed_by(request.user):
        raise PermissionDenied("Only its author and its co-op's admins may change this listing.")
    return listing


@cached_for_visitors
def listing_list(request):
    """Open needs and offers, fresh first, with search and combinable filters."""
    filters = ListingFilter(request.GET or None, queryset=Listing.objects.open())
    form = filters.form
    found = (
        filters.qs.visible_to(request.user)
        .freshest_first()
        .select_related("author", "coop")
        .prefetch_related("skills")
    )
    page = list_page(request, found, LISTINGS_PER_PAGE, form=form, name="listings")
    return render(
        request,
        "listings/listing_list.html",
        {
            "form": form,
            "page": page,
            "skill_suggestions": skill_suggestions(),
            "regions": region_suggestions("listings"),
        },
    )


@cached_for_visitors
def listing_detail(request, pk):
    """A listing, marked if closed or expired, and for members the matches it could make."""
    listing = get_listing(request, pk)
    if listing is None:
        return redirect_to_login(request.get_full_path())
    matches = []
    if request.user.is_authenticated:
        matches = matches_for_listing(listing, limit=MATCHES_ON_LISTING + 1)
    return render(
        request,
        "listings/listing_detail.html",
        {
            "listing": listing,
            "can_change": listing.can_be_changed_by(request.user),
            "matches": matches[:MATCHES_ON_LISTING],
            "more_matches": len(matches) > MATCHES_ON_LISTING,
        },
    )


@login_required
def listing_expiring(request):
    """Every listing the member may renew that expires soon (the home page shows a few)."""
    page = Paginator(expiring_soon(request.user), LISTINGS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "listings/listing_expiring.html",
        {"page": page, "days": EXPIRING_SOON_DAYS},
    )


@login_required
def listing_matches(request, pk):
    """Every suggestion for a listing, best first, each with why it was suggested."""
    listing = get_listing(request, pk)
    return render(
        request,
        "listings/listing_matches.html",
        {"listing": listing, "matches": matches_for_listing(listing, limit=MATCHES_ON_MATCH_PAGE)},
    )


def _render_form(request, form, listing=None):
    return render(
        request,
        "listings/listing_form.html",
        {
            "form": form,
            "listing": listing,
            "skill_suggestions": skill_suggestions(),
        },
    )


@login_required
def listing_create(request):
    """Post a need or an offer."""
    member = request.user.member
    initial = {"kind": request.GET.get("kind")} if request.GET.get("kind") in Listing.Kind else {}
    form = ListingForm(request.POST or None, author=member, initial=initial)
    if request.method == "POST" and form.is_valid():
        listing = form.save()
        messages.success(request, f"Your {listing.get_kind_display().lower()} is posted.")
        return redirect(listing)
    return _render_form(request, form)


@login_required
def listing_edit(request, pk):
    listing = get_listing(request, pk, change=True)
    form = ListingForm(request.POST or None, instance=listing, author=listing.author)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your changes are saved.")
        return redirect(listing)
    return _render_form(request, form, listing)


@login_required
def listing_close(request, pk):
    """Confirm, then close as fulfilled or withdrawn."""
    listing = get_listing(request, pk, change=True)
    form = CloseListingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            listing.close(form.cleaned_data["outcome"])
        except ListingError as error:
            refuse(request, error)
        else:
            messages.success(request, f"Closed as {listing.get_status_display().lower()}.")
        return redirect(listing)
    return render(request, "listings/listing_close.html", {"listing": listing, "form": form})


@login_required
def listing_renew(request, pk):
    """The reminder e-mail's link: one button to keep the listing up for another 60 days."""
    listing = get_listing(request, pk, change=True)
    if request.method == "POST":
        try:
            listing.renew()
        except ListingError as error:
            refuse(request, error)
        else:
            messages.success(request, f"Renewed: shown until {listing.expires_on:%-d %B %Y}.")
        return redirect(listing)
    return render(request, "listings/listing_renew.html", {"listing": listing})


def _message(request, target, *, name, back_url):
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            send_message(
                sender=request.user,
                target=target,
                body=form.cleaned_data["message"],
                link=request.build_absolute_uri(back_url),
            )
        except MessageError as error:
            refuse(request, error, form)
        else:
            messages.success(request, f"Your message is on its way to {name}.")
            return redirect(back_url)
    return render(
        request,
        "listings/message.html",
        {"form": form, "target": target, "name": name, "back_url": back_url},
    )


@login_required
def listing_message(request, pk):
    """Write to a listing's author without seeing their address."""
    listing = get_listing(request, pk)
    return _message(request, listing, name=listing.author, back_url=listing.get_absolute_url())


def _came_from(request):
    """The page a match was shown on (`next`), to go back to and to link in the e-mail."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return reverse("home")


@login_required
def member_message(request, pk):
    """Write to a member suggested as a match."""
    member = get_object_or_404(Member.objects.listed().select_related("user"), pk=pk)
    return _message(request, member, name=member, back_url=_came_from(request))


@login_required
def coop_message(request, slug):
    """Write to a co-op's admins."""
    coop = get_object_or_404(Coop.objects.public(), slug=slug)
    return _message(request, coop, name=f"{coop}'s admins", back_url=_came_from(request))
