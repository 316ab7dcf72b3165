"""Form fields shared by the profile and listing forms."""

import re
from decimal import ROUND_HALF_EVEN, Decimal

from django import forms
from django.core.exceptions import ValidationError

from profiles.models.skills import MAX_SKILL_LENGTH, normalise_skill_name

MAX_SKILLS_PER_FIELD = 20
# A NUL byte cannot even be stored (PostgreSQL); no other control character belongs in a name.
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


class SkillListInput(forms.TextInput):
    """
    A text box for comma-separated skills, suggesting existing ones through a
    <datalist> (no JavaScript). The page renders the datalist with the id given
    as `datalist` (see profiles/includes/skill_datalist.html).
    """

    def __init__(self, datalist="skill-suggestions", attrs=None):
        super().__init__({"list": datalist, "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        # Names as they are, comma-separated: never quoted (taggit's edit string
        # quotes a name with a space, and saving that back made a new skill).
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return super().format_value(value)


class SkillListField(forms.CharField):
    """Comma-separated skill names, cleaned to a list of distinct names (case ignored)."""

    widget = SkillListInput

    def __init__(self, *, max_skills=MAX_SKILLS_PER_FIELD, **kwargs):
        self.max_skills = max_skills
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", "Separate with commas, e.g. Django, PostgreSQL, Bookkeeping."
        )
        kwargs.setdefault("max_length", 2000)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        text = super().to_python(value)
        # Commas separate; a name with a space stays whole ("Open source"). The
        # order typed is kept, and the first spelling of a repeated name wins.
        names, seen = [], set()
        for name in text.split(","):
            name = normalise_skill_name(name)
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
        return names

    def validate(self, value):
        super().validate(value)
        if any(CONTROL_CHARACTER.search(name) for name in value):
            raise ValidationError(
                "Skill names cannot hold control characters (such as a NUL byte)."
            )
        too_long = [name for name in value if len(name) > MAX_SKILL_LENGTH]
        if too_long:
            raise ValidationError(
                f"Keep each skill to {MAX_SKILL_LENGTH} characters or fewer: "
                f"“{too_long[0][:40]}…” is too long."
            )
        if len(value) > self.max_skills:
            raise ValidationError(
                f"List at most {self.max_skills} skills here (you gave {len(value)})."
            )


class CoordinateField(forms.DecimalField):
    """
    A latitude or longitude as geocoders and map apps give it (up to 17 decimal
    places), rounded to the stored six: about 11 cm, finer than any address.
    """

    def to_python(self, value):
        number = super().to_python(value)
        if number is None or not number.is_finite() or self.decimal_places is None:
            return number
        return number.quantize(Decimal(1).scaleb(-self.decimal_places), rounding=ROUND_HALF_EVEN)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if "step" in attrs:
            attrs["step"] = "any"  # a browser must not refuse a pasted 17-decimal value
        return attrs
