"""Local cells, who belongs to them, their champions and their rotating founding members."""

import calendar
from datetime import timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from core.steps import StepRefused
from core.text import TextField
from profiles.models import Member

QUIET_AFTER_DAYS = 91  # "no meetup in the last three months"


class RotationError(StepRefused):
    """An illegal step in a cell's membership or founder rotation; the message is for people."""


def add_months(moment, months):
    """The same local wall-clock time `months` later (the 31st becomes the month's last day)."""
    local = timezone.localtime(moment)
    month_index = local.month - 1 + months
    year, month = local.year + month_index // 12, month_index % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    naive = local.replace(tzinfo=None).replace(year=year, month=month, day=day)
    return timezone.make_aware(naive)


class CellQuerySet(models.QuerySet):
    def active(self):
        """Cells the steering group has approved (proposals wait for staff)."""
        return self.filter(status=Cell.Status.ACTIVE)

    def visible_to(self, user):
        """Active cells, plus proposals for staff and for the member who proposed them."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        if user.is_authenticated:
            return self.filter(Q(status=Cell.Status.ACTIVE) | Q(proposed_by__user=user))
        return self.active()

    def quiet(self, now=None):
        """
        Active cells "going quiet": no meetup in the last three months and none scheduled.

        One query whatever the number of cells: a meetup that is not cancelled and starts
        after the cut-off (in the recent past or the future) keeps a cell alive.
        """
        cutoff = (now or timezone.now()) - timedelta(days=QUIET_AFTER_DAYS)
        from meetups.models.meetups import Meetup  # meetups.py imports this module

        lively = Meetup.objects.filter(cell=OuterRef("pk"), starts_at__gte=cutoff).exclude(
            status=Meetup.Status.CANCELLED
        )
        return self.active().filter(~Exists(lively))

    def with_last_meetup(self):
        """Annotate `last_meetup_at`: when the latest meetup that was not cancelled started."""
        return self.annotate(
            last_meetup_at=Max("meetups__starts_at", filter=~Q(meetups__status="cancelled"))
        )


class Cell(models.Model):
    """A local group of the network, meeting every `cadence_months`, kept alive by champions."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed, waiting for the steering group"
        ACTIVE = "active", "Active"

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    region = models.CharField(max_length=80, db_index=True, help_text="For example: North West.")
    area = models.CharField(
        "area covered", max_length=200, help_text="The towns or region the cell covers."
    )
    description = TextField(blank=True, max_length=5000, help_text="Markdown.")
    aims = TextField(blank=True, max_length=5000, help_text="Markdown.")
    outcomes = TextField(blank=True, max_length=5000, help_text="Markdown.")
    benefits = TextField(blank=True, max_length=5000, help_text="Markdown.")
    cadence_months = models.PositiveSmallIntegerField(
        "meet every (months)",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="The network agreed on every two months.",
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.ACTIVE)
    proposed_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposed_cells"
    )
    champions = models.ManyToManyField(
        Member,
        blank=True,
        related_name="championed_cells",
        help_text="Appointed by the steering group: they edit the cell, schedule and rotate.",
    )
    members = models.ManyToManyField(
        Member, through="CellMembership", related_name="cells", blank=True
    )
    rotation_round = models.PositiveIntegerField(default=0, editable=False)
    quiet_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CellQuerySet.as_manager()

    class Meta:
        ordering = ["region", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetups:cell-detail", args=[self.slug])

    # Who may do what. Each takes a user and costs at most one query.
    def is_champion(self, user):
        return user.is_authenticated and self.champions.filter(user=user).exists()

    def can_manage(self, user):
        """Champions and the steering group edit the cell and manage the rotation."""
        return user.is_authenticated and (user.is_staff or self.is_champion(user))

    def can_schedule(self, user):
        """Champions, the current founder and the steering group schedule meetups."""
        if not user.is_authenticated:
            return False
        if user.is_staff:
            return True
        return (
            self.champions.filter(user=user).exists()
            or self.founder_terms.filter(
                member__user=user, status=FounderTerm.Status.SERVING
            ).exists()
        )

    def open_founder_term(self):
        """The term being served or proposed now, if any (at most one, by a constraint)."""
        return (
            self.founder_terms.filter(status__in=FounderTerm.OPEN).select_related("member").first()
        )

    def next_meetup_due(self, last_meetup_at):
        """When the next meetup is due: the cadence after the last one."""
        return add_months(last_meetup_at, self.cadence_months) if last_meetup_at else None

    # Founder rotation.
    def next_in_line(self):
        """
        The cell member to ask next: whoever has gone longest without being founder (those
        never founder first, by when they joined), skipping anyone who passed this round and,
        while someone else is available, the founder who has just served.
        """
        memberships = list(self.memberships.select_related("member").order_by("joined_at", "pk"))
        terms = list(
            self.founder_terms.filter(
                status__in=[FounderTerm.Status.SERVED, FounderTerm.Status.SERVING]
            ).values_list("member_id", "ended_on")
        )
        now = timezone.now()
        last_served = {}
        for member_id, ended_on in terms:
            moment = ended_on or now
            last_served[member_id] = max(last_served.get(member_id, moment), moment)
        passed = set(
            self.founder_terms.filter(
                round=self.rotation_round, status=FounderTerm.Status.PASSED
            ).values_list("member_id", flat=True)
        )
        previous = (
            self.founder_terms.filter(status=FounderTerm.Status.SERVED)
            .order_by("-ended_on", "-pk")
            .values_list("member_id", flat=True)
            .first()
        )
        candidates = [m for m in memberships if m.member_id not in passed]
        candidates.sort(
            key=lambda m: (m.member_id in last_served, last_served.get(m.member_id, m.joined_at))
        )
        others = [m for m in candidates if m.member_id != previous]
        chosen = (others or candidates or [None])[0]
        return chosen.member if chosen else None


class CellMembership(models.Model):
    """A member belonging to a cell; they join and leave themselves."""

    cell = models.ForeignKey(Cell, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="cell_memberships")
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cell", "member"], name="meetups_one_membership_per_cell"
            )
        ]

    def __str__(self):
        return f"{self.member} in {self.cell}"


class FounderTerm(models.Model):
    """
    One turn of a cell's founding member, who convenes the next meetup: proposed, then
    served (from `started_on` to `ended_on`) or passed. Every proposal is kept as history.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Asked, not yet answered"
        SERVING = "serving", "Founder now"
        SERVED = "served", "Served"
        PASSED = "passed", "Passed"

    OPEN = [Status.PROPOSED, Status.SERVING]

    cell = models.ForeignKey(Cell, on_delete=models.CASCADE, related_name="founder_terms")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="founder_terms")
    status = models.CharField(max_length=10, choices=Status, default=Status.PROPOSED)
    round = models.PositiveIntegerField(default=0)
    proposed_at = models.DateTimeField(default=timezone.now)
    started_on = models.DateTimeField("from", null=True, blank=True)
    ended_on = models.DateTimeField("to", null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cell"],
                condition=Q(status__in=["proposed", "serving"]),
                name="meetups_one_open_founder_term_per_cell",
            )
        ]

    def __str__(self):
        return f"{self.member} ({self.get_status_display()}) in {self.cell}"

    def close(self, status):
        """End this term (served or passed) now; the caller holds the cell's lock."""
        self.status = status
        self.ended_on = timezone.now()
        self.save(update_fields=["status", "ended_on"])
