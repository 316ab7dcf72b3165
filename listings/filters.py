"""
The filters of needs and offers, declared once: /listings/ and /api/listings/ read the
same parameters the same way (a page's URL and an API call give the same listings).
Each filter is optional and they combine; a value that is not valid filters nothing.
"""

import django_filters
from django import forms
from django.db.models import Q

from listings.models import Listing
from profiles.models import Coop

MAX_SEARCH_WORDS = 10


class ListingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", max_length=100, method="filter_words")
    kind = django_filters.ChoiceFilter(
        label="Needs or offers", choices=Listing.Kind.choices, empty_label="Both"
    )
    category = django_filters.ChoiceFilter(
        choices=Listing.Category.choices, empty_label="Any category"
    )
    skill = django_filters.CharFilter(
        max_length=60,
        method="filter_skill",
        widget=forms.TextInput(attrs={"list": "skill-suggestions", "autocomplete": "off"}),
    )
    region = django_filters.CharFilter(
        max_length=80,
        method="filter_region",
        widget=forms.TextInput(attrs={"list": "region-suggestions", "autocomplete": "off"}),
    )
    # Text rather than a list of every co-op, which at thousands of co-ops is
    # neither usable nor cheap: a part of the name, or the slug a co-op page links with.
    coop = django_filters.CharFilter(
        label="Co-op", max_length=100, help_text="Its name, or part of it.", method="filter_coop"
    )
    remote = django_filters.BooleanFilter(
        label="Remote is fine", widget=forms.CheckboxInput, method="filter_remote"
    )

    class Meta:
        model = Listing
        fields = ["q", "kind", "category", "skill", "region", "coop", "remote"]

    def filter_words(self, listings, name, value):
        # Every word must appear; past a handful, more words only cost time.
        for word in value.casefold().split()[:MAX_SEARCH_WORDS]:
            listings = listings.filter(search_text__contains=word)
        return listings

    def filter_skill(self, listings, name, value):
        return listings.filter(skills__name__iexact=value.strip()) if value.strip() else listings

    def filter_region(self, listings, name, value):
        return listings.filter(region__iexact=value.strip()) if value.strip() else listings

    def filter_coop(self, listings, name, value):
        coop = value.strip()
        if not coop:
            return listings
        return listings.filter(coop__in=Coop.objects.filter(Q(slug=coop) | Q(name__icontains=coop)))

    def filter_remote(self, listings, name, value):
        # An unticked box means "either", not "only those that are not remote".
        return listings.filter(remote_ok=True) if value else listings
