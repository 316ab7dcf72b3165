"""Needs and offers: what people and co-ops want or can give now."""

from datetime import timedelta
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from core.steps import StepRefused
from core.text import TextField
from profiles.models import Member, Membership

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


class ListingError(StepRefused):
    """A step the listing's current state does not allow (closing a closed listing...)."""


class ListingQuerySet(models.QuerySet):
    def open(self):
        """Open and not yet expired: the listings that appear in lists and matches."""
        return self.filter(status=ListingStatus.OPEN, expires_on__gte=timezone.localdate())

    def public(self):
        return self.filter(is_public=True)

    def visible_to(self, user):
        """Every listing for signed-in members; only those marked public for visitors."""
        return self if user.is_authenticated else self.public()

    def changeable_by(self, user):
        """Listings `user` may edit, close or renew: their own and their co-ops' (as admin)."""
        if not user.is_authenticated:
            return self.none()
        # Two subqueries in a union rather than joins or an OR: no duplicates to
        # remove, and each side reads its own index (author_id, coop_id).
        own = Listing.objects.filter(author__in=Member.objects.filter(user=user).values("pk"))
        for_admin_coops = Listing.objects.filter(
            coop__in=Membership.objects.filter(
                member__user=user, role=Membership.Role.ADMIN
            ).values("coop_id")
        )
        return self.filter(
            pk__in=own.values("pk").order_by().union(for_admin_coops.values("pk").order_by())
        )

    def freshest_first(self):
        return self.order_by("-confirmed_at", "-pk")

    def expiring_within(self, days):
        """Open listings that expire in the next `days` days (today included)."""
        today = timezone.localdate()
        return self.open().filter(expires_on__lte=today + timedelta(days=days))


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
    description = TextField(max_length=10000, blank=True, help_text="Markdown.")
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
    # When the author last said the listing is current (posted, edited or renewed):
    # what "fresh first" and matching's freshness weigh. Reminders do not touch it.
    confirmed_at = models.DateTimeField(default=timezone.now)
    search_text = TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ListingQuerySet.as_manager()

    class Meta:
        # The table was made when listings lived in profiles; it keeps its name
        # (and so does the skills table derived from it: profiles_listing_skills).
        db_table = "profiles_listing"
        ordering = ["-created_at", "-pk"]
        indexes = [
            # /listings/ and matching: open listings of a kind, soonest to expire last.
            models.Index(fields=["status", "kind", "expires_on"], name="listing_open_kind"),
            # /listings/: fresh first.
            models.Index(fields=["-confirmed_at"], name="listing_confirmed"),
            # Matching ranks tens of thousands of open listings at scale: with every
            # column the ranking reads included, PostgreSQL answers from this index
            # alone instead of reading the wide rows (SQLite ignores `include`).
            models.Index(
                fields=["kind", "expires_on"],
                include=["id", "author", "coop", "region", "remote_ok", "confirmed_at"],
                condition=models.Q(status="open"),
                name="listing_match",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def get_absolute_url(self):
        return reverse("listings:listing-detail", args=[self.pk])

    @property
    def is_expired(self):
        return self.expires_on < timezone.localdate()

    @property
    def is_open(self):
        return self.status == ListingStatus.OPEN and not self.is_expired

    @property
    def is_closed(self):
        return self.status != ListingStatus.OPEN

    def can_be_changed_by(self, user):
        """Its author and the admins of the co-op it was posted for may change it (one query)."""
        if not user.is_authenticated:
            return False
        if self.author.user_id == user.pk:
            return True
        if self.coop_id is None:
            return False
        return Membership.objects.filter(
            coop_id=self.coop_id, member__user=user, role=Membership.Role.ADMIN
        ).exists()

    def refresh_search_text(self):
        """Keep the one column /listings/ searches: title, description, skills, co-op, author."""
        parts = [self.title, self.description, self.place, self.region]
        parts += [skill.name for skill in self.skills.all()]
        if self.coop is not None:
            parts.append(self.coop.name)
        parts.append(self.author.display_name)
        self.search_text = " ".join(part for part in parts if part).casefold()
        Listing.objects.filter(pk=self.pk).update(search_text=self.search_text)

    def close(self, outcome):
        """
        Close the listing as fulfilled or withdrawn. It leaves the lists and the
        matches but keeps its page, marked as closed.
        """
        if outcome not in (ListingStatus.FULFILLED, ListingStatus.WITHDRAWN):
            raise ListingError("A listing closes as fulfilled or withdrawn.")
        with transaction.atomic():
            locked = Listing.objects.select_for_update().get(pk=self.pk)
            if locked.status != ListingStatus.OPEN:
                raise ListingError(
                    f"This listing is already {locked.get_status_display().lower()}."
                )
            locked.status = outcome
            locked.closed_at = timezone.now()
            locked.save(update_fields=["status", "closed_at", "updated_at"])
        self.status, self.closed_at = locked.status, locked.closed_at

    def renew(self, days=DEFAULT_LISTING_DAYS):
        """
        Keep an open (or expired) listing up for at least `days` more days from today
        and mark it current. A closed listing cannot be renewed: post a new one.
        """
        with transaction.atomic():
            locked = Listing.objects.select_for_update().get(pk=self.pk)
            if locked.status != ListingStatus.OPEN:
                status = locked.get_status_display().lower()
                raise ListingError(f"This listing is {status}: post a new one instead.")
            # Never shortens: a listing already shown for longer keeps its date.
            locked.expires_on = max(locked.expires_on, timezone.localdate() + timedelta(days=days))
            locked.confirmed_at = timezone.now()
            locked.save(update_fields=["expires_on", "confirmed_at", "updated_at"])
        self.expires_on, self.confirmed_at = locked.expires_on, locked.confirmed_at

    def claim_reminder(self):
        """
        Record that the author is being reminded about the current expiry date; False
        when someone (another run of the command) already did, so no second e-mail goes.
        """
        with transaction.atomic():
            locked = Listing.objects.select_for_update().get(pk=self.pk)
            if (
                locked.status != ListingStatus.OPEN
                or locked.reminded_for_expiry == locked.expires_on
            ):
                return False
            locked.reminded_for_expiry = locked.expires_on
            locked.save(update_fields=["reminded_for_expiry"])
        self.reminded_for_expiry = locked.reminded_for_expiry
        return True
