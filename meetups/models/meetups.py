"""Meetups of a cell or of the whole network (national gatherings), and the replies to them."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.steps import StepRefused
from core.text import TextField
from meetups.models.cells import Cell
from profiles.models import Member, OfficeSpace


class MeetupError(StepRefused):
    """An illegal step on a meetup or a reply to it; the message is for people."""


class MeetupQuerySet(models.QuerySet):
    def gatherings(self):
        """National gatherings: meetups of the whole network rather than of one cell."""
        return self.filter(cell=None)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def visible_to(self, user):
        """Gatherings and the meetups of cells the user may see."""
        return self.filter(models.Q(cell=None) | models.Q(cell__in=Cell.objects.visible_to(user)))

    def for_calendar(self):
        return self.select_related("cell", "office_space__coop").order_by("starts_at", "pk")


class Meetup(models.Model):
    """A cell's meetup, or a national gathering when it has no cell. Times are time-zone aware."""

    class Kind(models.TextChoices):
        WORK = "work", "Work"
        SOCIAL = "social", "Social"
        MIXED = "mixed", "Work and social"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Took place"
        CANCELLED = "cancelled", "Cancelled"

    cell = models.ForeignKey(
        Cell, null=True, blank=True, on_delete=models.CASCADE, related_name="meetups"
    )
    title = models.CharField(max_length=150)
    starts_at = models.DateTimeField("starts")
    ends_at = models.DateTimeField("ends")
    venue = models.CharField(
        max_length=300, blank=True, help_text="Address or place, if not an office space below."
    )
    office_space = models.ForeignKey(
        OfficeSpace,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetups",
        verbose_name="office space of a co-op",
    )
    online_link = models.URLField("online link", blank=True)
    description = TextField(blank=True, max_length=10000, help_text="Markdown.")
    agenda = TextField(blank=True, max_length=10000, help_text="Markdown.")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.MIXED)
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10000)],
        help_text="Leave empty for no limit; when full, replies go on a waiting list.",
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.SCHEDULED)
    # Bumped on every change so calendar programs replace the event they already have.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetupQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            # The cell page, the quiet-cell check and the calendars look meetups up by start.
            models.Index(fields=["cell", "starts_at"], name="meetups_cell_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meetups_meetup_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetups:meetup-detail", args=[self.pk])

    @property
    def is_gathering(self):
        return self.cell_id is None

    @property
    def is_cancelled(self):
        return self.status == Meetup.Status.CANCELLED

    @property
    def has_ended(self):
        return self.ends_at <= timezone.now()

    @property
    def uid(self):
        """Stable across edits, so calendar programs update the event instead of adding one."""
        return f"meetup-{self.pk}@cotech-directory"

    @property
    def place(self):
        parts = [self.venue]
        if self.office_space_id:
            parts.append(f"{self.office_space.location} ({self.office_space.coop})")
        return ", ".join(part for part in parts if part)

    def can_organise(self, user):
        """Champions and the current founder of its cell, and the steering group."""
        if not user.is_authenticated:
            return False
        if user.is_staff:
            return True
        return self.cell is not None and self.cell.can_schedule(user)

    def going_count(self):
        return self.rsvps.filter(status=RSVP.Status.GOING).count()

    def attendee_emails(self):
        """Addresses of everyone who replied going, maybe or waiting, for an organiser's note."""
        return list(
            self.rsvps.exclude(status=RSVP.Status.NOT_GOING)
            .filter(member__user__is_active=True)
            .values_list("member__user__email", flat=True)
        )


class RSVP(models.Model):
    """A member's reply to a meetup; one per member and meetup."""

    class Status(models.TextChoices):
        GOING = "going", "Going"
        MAYBE = "maybe", "Maybe"
        NOT_GOING = "not_going", "Not going"
        WAITING = "waiting", "On the waiting list"

    meetup = models.ForeignKey(Meetup, on_delete=models.CASCADE, related_name="rsvps")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="rsvps")
    status = models.CharField(max_length=10, choices=Status)
    # When they last answered: the waiting list is served in this order.
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "RSVP"
        ordering = ["answered_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meetup", "member"], name="meetups_one_rsvp_per_member")
        ]

    def __str__(self):
        return f"{self.member}: {self.get_status_display()} ({self.meetup})"
