"""Forms for proposing an exchange, changing its terms, and the answers people give."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from exchanges.models import HOURS_PER_DAY, MAX_AMOUNT, MAX_DAYS, Exchange, Side
from listings.models import TimeUnit
from profiles.forms.fields import SkillListField
from profiles.models import Coop, Member, Membership

MONEY_FIELDS = ("cost_time", "cost_travel", "cost_other")
SHARE_FIELDS = ("share_host_coop", "share_helper_coop", "share_network")
TERM_TEXT_FIELDS = ("goals", "deliverables", "check_ins")


class CoBudgetMixin:
    """The co-budget shares must add up to the total cost; a share needs its co-op."""

    def clean_currency(self):
        currency = self.cleaned_data["currency"].strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            raise forms.ValidationError("Use a three-letter currency code such as GBP or EUR.")
        return currency

    def check_shares(self, cleaned, host_coop, helper_coop):
        if any(name not in cleaned for name in (*MONEY_FIELDS, *SHARE_FIELDS)):
            return  # a bad amount already has its own message
        total = sum((cleaned[name] for name in MONEY_FIELDS), Decimal("0"))
        shares = sum((cleaned[name] for name in SHARE_FIELDS), Decimal("0"))
        if shares != total:
            self.add_error(
                "share_network",
                f"The shares add up to {shares:,.2f} but the total cost is {total:,.2f}: "
                "they must be equal.",
            )
        if cleaned["share_host_coop"] and host_coop is None:
            self.add_error("share_host_coop", "There is no host co-op to pay this share.")
        if cleaned["share_helper_coop"] and helper_coop is None:
            self.add_error("share_helper_coop", "The helper has no co-op to pay this share.")


class ExchangeForm(CoBudgetMixin, forms.ModelForm):
    """
    A draft exchange, from the proposer's point of view: which side they are on and
    who the other person is; the host and helper are worked out from those.
    """

    side = forms.ChoiceField(label="You are the", choices=Side.choices, widget=forms.RadioSelect)
    other_person = forms.ModelChoiceField(
        label="The other person",
        queryset=Member.objects.none(),
        help_text="The person with the need, or the person who gives the time.",
    )
    skill_names = SkillListField(label="Skills involved")

    class Meta:
        model = Exchange
        fields = [
            "title",
            "description",
            "host_coop",
            "helper_coop",
            "flexible",
            "starts_on",
            "ends_on",
            "target_month",
            "time_amount",
            "time_unit",
            "place",
            "currency",
            *MONEY_FIELDS,
            *SHARE_FIELDS,
            *TERM_TEXT_FIELDS,
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "target_month": forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
            "description": forms.Textarea(attrs={"rows": 6}),
            "goals": forms.Textarea(attrs={"rows": 4}),
            "deliverables": forms.Textarea(attrs={"rows": 4}),
            "check_ins": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "host_coop": "The co-op the need is for; leave empty if it is for the person.",
            "helper_coop": "The co-op releasing the helper; leave empty for none.",
        }

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        self.fields["other_person"].queryset = Member.objects.listed().exclude(pk=member.pk)
        coops = Coop.objects.public().order_by("name")
        self.fields["host_coop"].queryset = coops
        self.fields["helper_coop"].queryset = coops
        self.fields["target_month"].input_formats = ["%Y-%m", "%Y-%m-%d"]
        self.fields["description"].required = True
        if self.instance.pk:
            side = self.instance.side_of(member)
            self.initial.setdefault("side", side)
            self.initial.setdefault(
                "other_person",
                self.instance.helper_id if side == Side.HOST else self.instance.host_id,
            )
            self.initial.setdefault("skill_names", [s.name for s in self.instance.skills.all()])

    def clean(self):
        cleaned = super().clean()
        side, other = cleaned.get("side"), cleaned.get("other_person")
        host = self.member if side == Side.HOST else other
        helper = other if side == Side.HOST else self.member
        for field, person, coop in (
            ("host_coop", host, cleaned.get("host_coop")),
            ("helper_coop", helper, cleaned.get("helper_coop")),
        ):
            if person is not None and coop is not None and not _belongs(person, coop):
                self.add_error(field, f"{person} is not a member of {coop}.")
        self._check_dates(cleaned)
        self._check_time(cleaned)
        self.check_shares(cleaned, cleaned.get("host_coop"), cleaned.get("helper_coop"))
        if side and other:
            self.instance.host, self.instance.helper = host, helper
        return cleaned

    def _check_dates(self, cleaned):
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if cleaned.get("flexible"):
            if not cleaned.get("target_month"):
                self.add_error("target_month", "With flexible dates, give the month to aim for.")
            else:
                cleaned["target_month"] = cleaned["target_month"].replace(day=1)
        elif not starts:
            self.add_error("starts_on", "Give a start date, or tick “dates are flexible”.")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date is before the start date.")

    def _check_time(self, cleaned):
        amount, unit = cleaned.get("time_amount"), cleaned.get("time_unit")
        if amount is None or unit is None:
            return
        limit = MAX_DAYS if unit == TimeUnit.DAYS else MAX_DAYS * HOURS_PER_DAY
        if amount > limit:
            self.add_error("time_amount", f"At most {limit:g} {unit} for one exchange.")


def _belongs(member, coop):
    return Membership.objects.filter(member=member, coop=coop).exists()


class TermsForm(CoBudgetMixin, forms.ModelForm):
    """The agreement's own terms, changed while it is being signed."""

    class Meta:
        model = Exchange
        fields = [*TERM_TEXT_FIELDS, "currency", *MONEY_FIELDS, *SHARE_FIELDS]
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 4}),
            "deliverables": forms.Textarea(attrs={"rows": 4}),
            "check_ins": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        cleaned = super().clean()
        self.check_shares(cleaned, self.instance.host_coop, self.instance.helper_coop)
        return cleaned

    def terms(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class NoteForm(forms.Form):
    """A note with a step: optional when approving, required when declining or cancelling."""

    note = forms.CharField(label="Note", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, required=True, label="Note", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].required = required
        self.fields["note"].label = label


class CompletionForm(forms.Form):
    """What the exchange really took, from one of the two people."""

    days_spent = forms.DecimalField(
        label="Days actually spent",
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_DAYS)],
    )
    actual_cost = forms.DecimalField(
        label="Actual costs",
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_AMOUNT)],
        help_text="Time, travel and other costs together, in the exchange's currency.",
    )
    reflection = forms.CharField(
        label="Reflection",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What worked, what didn't. Markdown.",
    )


class BudgetPeriodForm(forms.Form):
    """The period the budget page covers: a calendar year."""

    year = forms.IntegerField(label="Year", min_value=2000, max_value=2100)
