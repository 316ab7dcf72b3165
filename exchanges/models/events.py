"""What people record on an exchange: co-ops' approvals, completion reports, and its history."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from core.text import TextField
from exchanges.models.budget import MAX_DAYS, money_field
from exchanges.models.states import ExchangeState


class Approval(models.Model):
    """A co-op, through one of its admins, approves (or declines) an exchange."""

    class Decision(models.TextChoices):
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    exchange = models.ForeignKey(
        "exchanges.Exchange", on_delete=models.CASCADE, related_name="approvals"
    )
    coop = models.ForeignKey("profiles.Coop", on_delete=models.PROTECT, related_name="+")
    member = models.ForeignKey(
        "profiles.Member", on_delete=models.PROTECT, related_name="+", verbose_name="admin"
    )
    decision = models.CharField(max_length=10, choices=Decision)
    note = TextField(max_length=2000, blank=True)
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["exchange", "coop"], name="approval_one_per_coop"),
        ]

    def __str__(self):
        return f"{self.coop}: {self.get_decision_display()}"


class CompletionReport(models.Model):
    """One of the two people confirms the exchange is done, with what it really took."""

    exchange = models.ForeignKey(
        "exchanges.Exchange", on_delete=models.CASCADE, related_name="completion_reports"
    )
    member = models.ForeignKey("profiles.Member", on_delete=models.PROTECT, related_name="+")
    days_spent = models.DecimalField(
        "days actually spent",
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_DAYS)],
    )
    actual_cost = money_field("actual costs")
    reflection = TextField(max_length=5000, help_text="What worked, what didn't. Markdown.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["exchange", "member"], name="completionreport_one_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.member} on {self.exchange}"


class EventKind(models.TextChoices):
    CREATED = "created", "Drafted"
    EDITED = "edited", "Edited the draft"
    PROPOSED = "proposed", "Proposed"
    CHANGES_SUGGESTED = "changes-suggested", "Suggested changes"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    APPROVED = "approved", "Approved for a co-op"
    APPROVAL_DECLINED = "approval-declined", "Declined for a co-op"
    AGREEMENT_DRAFTED = "agreement-drafted", "Agreement drafted"
    TERMS_CHANGED = "terms-changed", "Changed the terms"
    SIGNED = "signed", "Signed the agreement"
    ACTIVATED = "activated", "All signed: active"
    DONE_REPORTED = "done-reported", "Confirmed it is done"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class ExchangeEvent(models.Model):
    """One step in an exchange's history: who did what, when, and the state before and after."""

    Kind = EventKind

    exchange = models.ForeignKey(
        "exchanges.Exchange", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=EventKind)
    actor = models.ForeignKey(
        "profiles.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_state = models.CharField(max_length=20, choices=ExchangeState, blank=True)
    to_state = models.CharField(max_length=20, choices=ExchangeState)
    note = TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # The history on the exchange page, oldest first.
            models.Index(fields=["exchange", "created_at"], name="exchangeevent_history"),
        ]

    def __str__(self):
        return f"{self.exchange}: {self.get_kind_display()}"
