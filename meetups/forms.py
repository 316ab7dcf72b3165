"""Forms of the meetups app: they clean input; meetups.services takes the steps."""

from django import forms
from django.utils import timezone

from meetups.models import Cell, Meetup, ShoutOut
from profiles.models import Member, OfficeSpace

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class CellForm(forms.ModelForm):
    """What a champion edits about their cell."""

    class Meta:
        model = Cell
        fields = [
            "name",
            "region",
            "area",
            "description",
            "aims",
            "outcomes",
            "benefits",
            "cadence_months",
        ]


class CellProposalForm(forms.ModelForm):
    """A member proposing a new cell to the steering group."""

    class Meta:
        model = Cell
        fields = ["name", "region", "area", "description", "aims", "outcomes", "benefits"]


class MeetupForm(forms.ModelForm):
    """Scheduling or changing a meetup; times are read in Europe/London."""

    class Meta:
        model = Meetup
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "kind",
            "venue",
            "office_space",
            "online_link",
            "capacity",
            "description",
            "agenda",
        ]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}
        help_texts = {"starts_at": "Date and time, UK time.", "ends_at": "Date and time, UK time."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]
        self.fields["ends_at"].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]
        self.fields["office_space"].queryset = OfficeSpace.objects.select_related("coop")
        self.fields["office_space"].empty_label = "None: the venue above"

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        moved = self.instance.pk is None or starts_at != self.instance.starts_at
        if moved and starts_at < timezone.now():
            raise forms.ValidationError("This date is in the past: choose a future date.")
        return starts_at

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", "The meetup must end after it starts.")
        return cleaned

    def meetup_fields(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class RotateForm(forms.Form):
    """A champion rotating the founder: the next in line, or a cell member they choose."""

    to = forms.ModelChoiceField(
        queryset=Member.objects.none(),
        required=False,
        label="Ask",
        empty_label="The next in line",
    )

    def __init__(self, *args, cell, **kwargs):
        super().__init__(*args, **kwargs)
        # Anyone may be posted, so that the rotation refuses non-members with its own message.
        self.fields["to"].queryset = Member.objects.all()
        self.fields["to"].widget.choices = [("", "The next in line")] + [
            (member.pk, str(member)) for member in cell.members.order_by("display_name", "pk")
        ]


class RSVPForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[("going", "Going"), ("maybe", "Maybe"), ("not_going", "Not going")],
        widget=forms.RadioSelect,
    )


class EmailAttendeesForm(forms.Form):
    subject = forms.CharField(max_length=150)
    message = forms.CharField(widget=forms.Textarea, max_length=5000)


class ShoutOutForm(forms.ModelForm):
    class Meta:
        model = ShoutOut
        fields = ["title", "date", "place", "link", "cell", "note"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cell"].queryset = Cell.objects.active()
        self.fields["cell"].empty_label = "No cell in particular"

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date < timezone.localdate():
            raise forms.ValidationError("This date has passed: a shout-out is for a coming event.")
        return date
