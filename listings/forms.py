"""Posting and finding needs and offers, and writing to whoever posted them."""

from datetime import timedelta

from django import forms
from django.db import transaction
from django.utils import timezone

from listings.models import MAX_LISTING_DAYS, CostKind, Listing, ListingStatus
from profiles.forms.fields import SkillListField
from profiles.models import Coop, Skill
from profiles.models.skills import SkillKind

CURRENCIES = [("GBP", "GBP (£)"), ("EUR", "EUR (€)"), ("USD", "USD ($)")]
MAX_SKILLS_PER_LISTING = 10


class ListingForm(forms.ModelForm):
    """A need or an offer, posted for yourself or for one of your co-ops."""

    tech_skills = SkillListField(
        label="Tech skills",
        max_skills=MAX_SKILLS_PER_LISTING,
        help_text="Separate with commas, e.g. Django, Kubernetes.",
    )
    coop_skills = SkillListField(
        label="Co-op and business skills",
        max_skills=MAX_SKILLS_PER_LISTING,
        help_text="Separate with commas, e.g. Bookkeeping, Governance.",
    )
    currency = forms.ChoiceField(choices=CURRENCIES, initial="GBP")

    field_order = ["kind", "coop", "category", "title", "description", "tech_skills", "coop_skills"]

    class Meta:
        model = Listing
        fields = [
            "kind",
            "coop",
            "category",
            "title",
            "description",
            "time_amount",
            "time_unit",
            "cost_kind",
            "cost_amount",
            "currency",
            "deadline",
            "place",
            "region",
            "remote_ok",
            "is_public",
            "expires_on",
        ]
        labels = {
            "kind": "Is this a need or an offer?",
            "coop": "Posted for",
            "cost_amount": "Amount or budget",
            "deadline": "Deadline",
            "expires_on": "Show until",
        }
        help_texts = {
            "description": "Markdown: links, lists and emphasis work.",
            "deadline": "For work opportunities: when the work must be done.",
            "expires_on": "At most a year from today. You can renew it later.",
            "place": "Town or address, if it matters.",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, author, **kwargs):
        super().__init__(*args, **kwargs)
        self.author = author
        coops = Coop.objects.filter(memberships__member=author).order_by("name")
        if self.instance.coop_id:
            # An admin editing a colleague's listing keeps its co-op even if not a member.
            coops = Coop.objects.filter(pk=self.instance.coop_id) | coops
        self.fields["coop"].queryset = coops.distinct()
        self.fields["coop"].empty_label = "Myself"
        self.fields["kind"].choices = Listing.Kind.choices
        if self.instance.pk:
            skills = list(self.instance.skills.all())
            self.initial["tech_skills"] = [s.name for s in skills if s.kind != SkillKind.COOP]
            self.initial["coop_skills"] = [s.name for s in skills if s.kind == SkillKind.COOP]

    def clean_expires_on(self):
        expires_on = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if expires_on < today:
            raise forms.ValidationError("Choose today or a later date.")
        if expires_on > today + timedelta(days=MAX_LISTING_DAYS):
            raise forms.ValidationError(
                f"Choose a date at most a year ahead (by {today + timedelta(MAX_LISTING_DAYS)})."
            )
        return expires_on

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline and deadline < timezone.localdate() and "deadline" in self.changed_data:
            raise forms.ValidationError("The deadline cannot be in the past.")
        return deadline

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cost_kind") == CostKind.PAID and cleaned.get("cost_amount") is None:
            self.add_error("cost_amount", "Give the amount, or choose free or negotiable.")
        elif cleaned.get("cost_kind") in (CostKind.FREE, CostKind.NEGOTIABLE):
            cleaned["cost_amount"] = None
        names = [*cleaned.get("tech_skills", []), *cleaned.get("coop_skills", [])]
        if len({name.casefold() for name in names}) > MAX_SKILLS_PER_LISTING:
            self.add_error(
                "tech_skills",
                f"List at most {MAX_SKILLS_PER_LISTING} skills in all (you gave {len(names)}).",
            )
        return cleaned

    def save(self):
        """Save the listing and its skills together, marking it current."""
        with transaction.atomic():
            listing = super().save(commit=False)
            if not listing.pk:
                listing.author = self.author
            listing.cost_amount = self.cleaned_data["cost_amount"]
            listing.confirmed_at = timezone.now()
            listing.save()
            skills = Skill.objects.resolve(self.cleaned_data["tech_skills"], SkillKind.TECH)
            skills += Skill.objects.resolve(self.cleaned_data["coop_skills"], SkillKind.COOP)
            listing.skills.set(skills)
            listing.refresh_search_text()
        return listing


class CloseListingForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Why are you closing it?",
        choices=[
            (ListingStatus.FULFILLED, "Fulfilled: it worked out"),
            (ListingStatus.WITHDRAWN, "Withdrawn: no longer needed or available"),
        ],
        widget=forms.RadioSelect,
    )


class MessageForm(forms.Form):
    message = forms.CharField(
        label="Your message",
        max_length=2000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Your e-mail address goes with it so they can reply; theirs stays hidden.",
    )
