"""The directory's search and filters: read from the URL so a search can be shared."""

from django import forms
from django.db.models import F, Q

from profiles.models import Skill, UpFor
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


class DirectoryFilterForm(forms.Form):
    """
    Search words and filters that combine (every one given must hold). Skill
    filters take a skill's name, matched ignoring case, with suggestions from a
    datalist; an unknown skill matches nothing rather than being ignored.
    """

    q = forms.CharField(label="Search", required=False, max_length=200)
    offers = forms.CharField(label="Offers skill", required=False, max_length=100)
    needs = forms.CharField(label="Needs skill", required=False, max_length=100)
    tool = forms.CharField(label="Uses tool", required=False, max_length=100)
    region = forms.CharField(label="Region", required=False, max_length=80)
    town = forms.CharField(label="Town", required=False, max_length=80)
    up_for = forms.ChoiceField(
        label="Up for", required=False, choices=[("", "Anything"), *UpFor.choices]
    )
    office_space = forms.BooleanField(label="Offers office space", required=False)
    in_kind = forms.BooleanField(label="Offers in-kind support", required=False)
    include_stale = forms.BooleanField(label="Include stale profiles", required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=Sort.CHOICES)

    SKILL_FILTERS = {"offers": "offering", "needs": "needing", "tool": "using_tool"}

    def __init__(self, *args, for_coops=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_coops = for_coops
        if not for_coops:
            del self.fields["office_space"], self.fields["in_kind"]
        for name in self.SKILL_FILTERS:
            self.fields[name].widget.attrs.update({"list": "skill-suggestions"})
        self.fields["region"].widget.attrs.update({"list": "region-suggestions"})

    @property
    def has_active_filters(self):
        """Whether any filter besides the search words is in use (so they show unfolded)."""
        data = self.cleaned_data if self.is_valid() else {}
        return any(value for name, value in data.items() if name != "q")

    def filter(self, queryset):
        """Apply the valid filters to `queryset` and order it; invalid input filters nothing."""
        data = self.cleaned_data if self.is_valid() else {}
        # One query for the skills named in the filters, however many there are.
        names = {data.get(name, "").strip().casefold() for name in self.SKILL_FILTERS} - {""}
        skills = {}
        if names:
            any_name = Q()
            for name in names:
                any_name |= Q(name__iexact=name)
            skills = {skill.name.casefold(): skill for skill in Skill.objects.filter(any_name)}
        for name, method in self.SKILL_FILTERS.items():
            wanted = data.get(name, "").strip()
            if wanted:
                skill = skills.get(wanted.casefold())
                queryset = getattr(queryset, method)(skill) if skill else queryset.none()
        if data.get("region"):
            queryset = queryset.filter(region__iexact=data["region"].strip())
        if data.get("town"):
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
        text = data.get("q", "").strip()
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
