"""Needs and offers: what people and co-ops want or can give now."""

from datetime import timedelta
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

DEFAULT_LISTING_DAYS = 60
MAX_LISTING_DAYS = 365


def default_expiry():
    return timezone.localdate() + timedelta(days=DEFAULT_LISTING_DAYS)


class ListingKind(models.TextChoices):
    NEED = "need", "Need"
    OFFER = "offer", "Offer"


class ListingCategory(models.TextChoices):
    SKILL_HELP = "skill-help", "Skill help"
    WORK = "work", "Work opportunity"
    IN_KIND = "in-kind", "In-kind support"
    OFFICE_SPACE = "office-space", "Office space"
    OTHER = "other", "Other"


class ListingStatus(models.TextChoices):
    OPEN = "open", "Open"
    FULFILLED = "fulfilled", "Fulfilled"
    WITHDRAWN = "withdrawn", "Withdrawn"


class TimeUnit(models.TextChoices):
    HOURS = "hours", "hours"
    DAYS = "days", "days"


class CostKind(models.TextChoices):
    FREE = "free", "Free"
    PAID = "paid", "Paid"
    NEGOTIABLE = "negotiable", "Negotiable"


class ListingQuerySet(models.QuerySet):
    def open(self):
        """Open and not yet expired: the listings that appear in lists and matches."""
        return self.filter(status=ListingStatus.OPEN, expires_on__gte=timezone.localdate())

    def public(self):
        return self.filter(is_public=True)


class Listing(models.Model):
    """A need or an offer, posted by a member for themselves or on behalf of one of their co-ops."""

    Kind = ListingKind
    Category = ListingCategory
    Status = ListingStatus

    author = models.ForeignKey("profiles.Member", on_delete=models.CASCADE, related_name="listings")
    coop = models.ForeignKey(
        "profiles.Coop",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="listings",
        help_text="Post on behalf of one of your co-ops, or leave empty for yourself.",
    )
    kind = models.CharField(max_length=10, choices=ListingKind)
    category = models.CharField(
        max_length=20, choices=ListingCategory, default=ListingCategory.SKILL_HELP
    )
    title = models.CharField(max_length=120)
    description = models.TextField(max_length=10000, blank=True, help_text="Markdown.")
    skills = models.ManyToManyField("profiles.Skill", blank=True, related_name="listings")
    time_amount = models.DecimalField(
        "time involved",
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    time_unit = models.CharField(max_length=10, choices=TimeUnit, default=TimeUnit.DAYS)
    cost_kind = models.CharField("cost", max_length=12, choices=CostKind, default=CostKind.FREE)
    cost_amount = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    currency = models.CharField(max_length=3, default="GBP")
    deadline = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=120, blank=True)
    region = models.CharField(max_length=80, blank=True, db_index=True)
    remote_ok = models.BooleanField("remote is fine", default=True)
    is_public = models.BooleanField(
        "show to visitors and in feeds", default=False, help_text="Otherwise only members see it."
    )
    expires_on = models.DateField(default=default_expiry)
    status = models.CharField(max_length=10, choices=ListingStatus, default=ListingStatus.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The expiry date the author was last reminded about: one reminder per expiry.
    reminded_for_expiry = models.DateField(null=True, blank=True)
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ListingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # /listings/ and matching: open listings of a kind, soonest to expire last.
            models.Index(fields=["status", "kind", "expires_on"], name="listing_open_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def get_absolute_url(self):
        return reverse("profiles:listing-detail", args=[self.pk])

    @property
    def is_expired(self):
        return self.expires_on < timezone.localdate()

    @property
    def is_open(self):
        return self.status == ListingStatus.OPEN and not self.is_expired
