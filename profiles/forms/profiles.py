"""Forms for co-op and member profiles, memberships and the steering group's review."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from profiles.forms.fields import CoordinateField, SkillListField
from profiles.models import (
    Coop,
    InKindOffer,
    Member,
    Membership,
    OfficeSpace,
    Skill,
    UpFor,
)
from profiles.models.shared import UpForField
from profiles.models.skills import SKILL_GROUPS


class ProfileForm(forms.ModelForm):
    """
    What co-op and member profiles share: skills in comma-separated boxes and the
    "up for" checkboxes. Saving the form confirms the profile is accurate.
    """

    tech_offers = SkillListField(label="Tech skills offered")
    tech_needs = SkillListField(label="Tech skills needed")
    coop_offers = SkillListField(
        label="Co-op & business skills offered",
        help_text="Governance, bookkeeping, bids, legal, facilitation... Separate with commas.",
    )
    coop_needs = SkillListField(
        label="Co-op & business skills needed", help_text="Separate with commas."
    )
    tools = SkillListField(
        label="Tools used", help_text="Django, Nextcloud, Loomio... Separate with commas."
    )
    up_for_choices = forms.MultipleChoiceField(
        label="Up for", choices=UpFor.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for group in SKILL_GROUPS:
                self.initial[group.form_field] = [
                    skill.name for skill in self.instance.skills_in(group)
                ]
            self.initial["up_for_choices"] = self.instance.up_for_values

    # (legend, field names) for the form page's fieldsets.
    SECTIONS = ()

    def sections(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.SECTIONS]

    def save_profile(self):
        """Save the profile, its skills and "up for", and confirm it, in one transaction."""
        with transaction.atomic():
            profile = self.save(commit=False)
            profile.up_for = UpForField.to_stored(self.cleaned_data["up_for_choices"])
            profile.mark_confirmed()
            profile.save()
            self.save_m2m()
            by_relation = {}
            for group in SKILL_GROUPS:
                by_relation.setdefault(group.relation, []).extend(
                    Skill.objects.resolve(self.cleaned_data[group.form_field], group.new_kind)
                )
            for relation, skills in by_relation.items():
                profile.set_skills(relation, skills)
        return profile


SKILL_SECTION = (
    "What you offer and need",
    ["tech_offers", "tech_needs", "coop_offers", "coop_needs", "tools"],
)
UP_FOR_SECTION = ("Up for", ["up_for_choices", "up_for_other"])
CONTACT_SECTION = (
    "Contact details",
    [
        "contact_email",
        "contact_email_visibility",
        "phone",
        "phone_visibility",
        "chat",
        "chat_visibility",
        "address",
        "address_visibility",
    ],
)


LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}
MAX_LOGO_BYTES = 1024 * 1024


class CoopForm(ProfileForm):
    SECTIONS = (
        (
            "About the co-op",
            [
                "name",
                "summary",
                "about",
                "website",
                "logo",
                "legal_form",
                "founded_year",
                "worker_count",
            ],
        ),
        ("Where", ["town", "region", "country", "latitude", "longitude"]),
        SKILL_SECTION,
        UP_FOR_SECTION,
        CONTACT_SECTION,
    )

    class Meta:
        model = Coop
        fields = [
            "name",
            "summary",
            "about",
            "website",
            "logo",
            "town",
            "region",
            "country",
            "latitude",
            "longitude",
            "founded_year",
            "worker_count",
            "legal_form",
            "up_for_other",
            *CONTACT_SECTION[1],
        ]
        field_classes = {"latitude": CoordinateField, "longitude": CoordinateField}
        widgets = {
            "about": forms.Textarea(attrs={"rows": 8}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }

    def clean_logo(self):
        """PNG, JPEG or WebP that Pillow can read, at most 1 MB (no SVG: it can carry script)."""
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "image"):  # a new upload, already opened by Pillow
            if logo.image.format not in LOGO_FORMATS:
                raise ValidationError("Upload the logo as PNG, JPEG or WebP.")
            if logo.size > MAX_LOGO_BYTES:
                raise ValidationError("The logo is larger than 1 MB: upload a smaller image.")
        return logo

    def clean_country(self):
        country = self.cleaned_data["country"].upper()
        if len(country) != 2 or not country.isalpha():
            raise forms.ValidationError("Give the two-letter country code, such as GB.")
        return country

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not slugify(name):
            raise forms.ValidationError("Give a name with at least one letter or digit.")
        return name


class MemberForm(ProfileForm):
    SECTIONS = (
        ("About you", ["display_name", "pronouns", "bio", "town", "region"]),
        ("Links", ["website", "fediverse", "forge"]),
        SKILL_SECTION,
        ("Exchanges", ["availability", "available_from"]),
        UP_FOR_SECTION,
        CONTACT_SECTION,
    )

    class Meta:
        model = Member
        fields = [
            "display_name",
            "pronouns",
            "bio",
            "town",
            "region",
            "website",
            "fediverse",
            "forge",
            "availability",
            "available_from",
            "up_for_other",
            *CONTACT_SECTION[1],
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 6}),
            "available_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {"address_visibility": "Who sees the address"}
        help_texts = {
            "contact_email_visibility": "“Co-op admins only” means the admins of your co-ops."
        }


OfficeSpaceFormSet = forms.inlineformset_factory(
    Coop,
    OfficeSpace,
    fields=["kind", "location", "town", "capacity", "terms", "accessibility"],
    extra=1,
    max_num=10,
    validate_max=True,
    can_delete=True,
)
InKindOfferFormSet = forms.inlineformset_factory(
    Coop,
    InKindOffer,
    fields=["title", "description"],
    extra=1,
    max_num=20,
    validate_max=True,
    can_delete=True,
)


class InvitationForm(forms.Form):
    email = forms.EmailField(label="E-mail address to invite")
    role = forms.ChoiceField(choices=Membership.Role.choices, initial=Membership.Role.MEMBER)


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label="Message to the co-op's admins",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Optional: who you are and why you are joining.",
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Membership.Role.choices)


class ReviewForm(forms.Form):
    """The steering group's note to a co-op's admins when approving or refusing it."""

    note = forms.CharField(
        label="Note to the co-op's admins",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required when refusing: say what to change.",
    )
