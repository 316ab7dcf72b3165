"""
The directory's search and filters, declared once: /coops/ and /api/coops/ (and
/members/) read the same parameters the same way, from the URL so a search can be
shared. Filters combine (every one given must hold); a value that is not valid filters
nothing. Skill filters take a skill's name, matched ignoring case, with suggestions
from a datalist; an unknown skill matches nothing rather than being ignored.
"""

import django_filters
from django import forms
from django.db.models import F, Q

from profiles.models import Coop, Member, Skill, UpFor
from profiles.search import search


class Sort:
    RELEVANCE = "relevance"
    CONFIRMED = "confirmed"
    NAME = "name"
    CHOICES = [
        (RELEVANCE, "Relevance (when searching)"),
        (CONFIRMED, "Most recently confirmed"),
        (NAME, "Name"),
    ]


class DirectoryForm(forms.Form):
    @property
    def has_active_filters(self):
        """Whether any filter besides the search words is in use (so they show unfolded)."""
        data = self.cleaned_data if self.is_valid() else {}
        return any(value for name, value in data.items() if name != "q")


def _suggested(list_id):
    return forms.TextInput(attrs={"list": list_id})


class DirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", max_length=200)
    offers = django_filters.CharFilter(
        label="Offers skill", max_length=100, widget=_suggested("skill-suggestions")
    )
    needs = django_filters.CharFilter(
        label="Needs skill", max_length=100, widget=_suggested("skill-suggestions")
    )
    tool = django_filters.CharFilter(
        label="Uses tool", max_length=100, widget=_suggested("skill-suggestions")
    )
    region = django_filters.CharFilter(
        label="Region", max_length=80, widget=_suggested("region-suggestions")
    )
    town = django_filters.CharFilter(label="Town", max_length=80)
    up_for = django_filters.ChoiceFilter(
        label="Up for", choices=UpFor.choices, empty_label="Anything"
    )
    office_space = django_filters.BooleanFilter(
        label="Offers office space", widget=forms.CheckboxInput
    )
    in_kind = django_filters.BooleanFilter(
        label="Offers in-kind support", widget=forms.CheckboxInput
    )
    include_stale = django_filters.BooleanFilter(
        label="Include stale profiles", widget=forms.CheckboxInput
    )
    sort = django_filters.ChoiceFilter(label="Sort by", choices=Sort.CHOICES, empty_label=None)

    SKILL_FILTERS = {"offers": "offering", "needs": "needing", "tool": "using_tool"}

    class Meta:
        form = DirectoryForm
        fields: list[str] = []

    def filter_queryset(self, queryset):
        """Apply the valid filters to `queryset` and order it; invalid input filters nothing."""
        data = self.form.cleaned_data
        # One query for the skills named in the filters, however many there are.
        names = {(data.get(name) or "").strip().casefold() for name in self.SKILL_FILTERS}
        names -= {""}
        skills = {}
        if names:
            any_name = Q()
            for name in names:
                any_name |= Q(name__iexact=name)
            skills = {skill.name.casefold(): skill for skill in Skill.objects.filter(any_name)}
        for name, method in self.SKILL_FILTERS.items():
            wanted = (data.get(name) or "").strip()
            if wanted:
                skill = skills.get(wanted.casefold())
                queryset = getattr(queryset, method)(skill) if skill else queryset.none()
        if (data.get("region") or "").strip():
            queryset = queryset.filter(region__iexact=data["region"].strip())
        if (data.get("town") or "").strip():
            queryset = queryset.filter(town__iexact=data["town"].strip())
        if data.get("up_for"):
            queryset = queryset.filter(up_for__contains=f",{data['up_for']},")
        if data.get("office_space"):
            queryset = queryset.offering_office_space()
        if data.get("in_kind"):
            queryset = queryset.offering_in_kind()
        if not data.get("include_stale"):
            queryset = queryset.fresh()
        return self._order(queryset, data)

    def _order(self, queryset, data):
        text = (data.get("q") or "").strip()
        sort = data.get("sort") or (Sort.RELEVANCE if text else Sort.CONFIRMED)
        if text:
            queryset = search(queryset, text)
        if sort == Sort.NAME:
            return queryset.order_by(queryset.model.NAME_FIELD, "pk")
        if sort == Sort.RELEVANCE and text:
            return queryset.order_by(
                F("rank").desc(), F("last_confirmed_at").desc(nulls_last=True), "pk"
            )
        return queryset.freshest_first()


class CoopFilter(DirectoryFilter):
    class Meta(DirectoryFilter.Meta):
        model = Coop


class MemberFilter(DirectoryFilter):
    """A member has no office space or in-kind support of their own: those filters go."""

    class Meta(DirectoryFilter.Meta):
        model = Member

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.filters["office_space"], self.filters["in_kind"]
