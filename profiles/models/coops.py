"""Co-operatives, who belongs to them, and what they offer the network besides skills."""

import secrets

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from core.text import TextField
from profiles.models.shared import (
    ContactDetails,
    Freshness,
    HasSkills,
    ProfileError,
    ProfileQuerySet,
    UpForField,
)


class CoopStatus(models.TextChoices):
    """The steering group approves a new co-op before the public directory lists it."""

    PENDING = "pending", "Waiting for approval"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"


class LegalForm(models.TextChoices):
    WORKER_COOP = "worker-coop", "Worker co-operative"
    MULTI_STAKEHOLDER = "multi-stakeholder", "Multi-stakeholder co-operative"
    CONSUMER_COOP = "consumer-coop", "Consumer co-operative"
    CBS = "cbs", "Co-operative society (CBS)"
    CLG = "clg", "Company limited by guarantee"
    CLS = "cls", "Company limited by shares"
    CIC = "cic", "Community interest company"
    LLP = "llp", "Limited liability partnership"
    OTHER = "other", "Other"


def logo_path(coop, filename):
    """A new name per upload, so a changed logo is never served from a stale cache."""
    extension = filename.rsplit(".", 1)[-1].lower()[:5] if "." in filename else "img"
    return f"logos/{coop.slug}-{secrets.token_hex(4)}.{extension}"


class CoopQuerySet(ProfileQuerySet):
    def public(self):
        """Co-ops the steering group has approved: the only ones visitors see."""
        return self.filter(status=CoopStatus.APPROVED)

    def visible_to(self, user):
        """Approved co-ops, plus those not yet approved to their own admins and to staff."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        if user.is_authenticated:
            return self.filter(
                models.Q(status=CoopStatus.APPROVED)
                | models.Q(memberships__member__user=user, memberships__role=Membership.Role.ADMIN)
            ).distinct()
        return self.public()

    def pending(self):
        return self.filter(status=CoopStatus.PENDING)

    def offering_office_space(self):
        return self.filter(models.Exists(OfficeSpace.objects.filter(coop=models.OuterRef("pk"))))

    def offering_in_kind(self):
        return self.filter(models.Exists(InKindOffer.objects.filter(coop=models.OuterRef("pk"))))


class Coop(HasSkills, Freshness, ContactDetails):
    """A co-operative in the network, with what it offers and needs."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.CharField("one-line summary", max_length=200, blank=True)
    about = TextField(
        max_length=20000, blank=True, help_text="Markdown: links, lists and emphasis work."
    )
    website = models.URLField(blank=True)
    logo = models.ImageField(
        upload_to=logo_path, blank=True, help_text="PNG, JPEG or WebP, at most 1 MB."
    )
    town = models.CharField(max_length=80, blank=True)
    region = models.CharField(max_length=80, blank=True, db_index=True)
    country = models.CharField(
        max_length=2, default="GB", help_text="Two-letter ISO 3166 country code."
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    founded_year = models.PositiveSmallIntegerField(
        "year founded", null=True, blank=True, validators=[MinValueValidator(1800)]
    )
    worker_count = models.PositiveIntegerField(
        "number of workers", null=True, blank=True, validators=[MaxValueValidator(100000)]
    )
    legal_form = models.CharField(max_length=20, choices=LegalForm, blank=True)
    up_for = UpForField()
    up_for_other = models.CharField("also up for", max_length=200, blank=True)

    status = models.CharField(
        max_length=10, choices=CoopStatus, default=CoopStatus.PENDING, db_index=True
    )
    review_note = TextField(
        max_length=2000, blank=True, help_text="The steering group's note to the co-op's admins."
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Name, summary, about text and skill names in one column, kept by
    # refresh_search_text(), so one index serves the directory search.
    search_text = TextField(blank=True, editable=False)
    # search_text as PostgreSQL's tsvector, stored so that searching and ranking read it
    # from the GIN index and the row instead of parsing the text again (see profiles/search.py).
    search_document = SearchVectorField(null=True, editable=False)
    # What the last import wrote, field by field, so a re-import can tell a value
    # a person has since edited on the site (and keep it) from one it may refresh.
    import_snapshot = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CoopQuerySet.as_manager()

    Status = CoopStatus
    NAME_FIELD = "name"
    SEARCH_FIELDS = ("name", "summary", "about", "town", "region", "up_for_other")

    class Meta:
        ordering = ["name"]
        verbose_name = "co-op"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("profiles:coop-detail", args=[self.slug])

    @property
    def is_public(self):
        return self.status == CoopStatus.APPROVED

    def approve(self, by, note=""):
        """The steering group lets a pending (or once refused) co-op into the public directory."""
        return self._review(by, note, CoopStatus.APPROVED, {CoopStatus.PENDING, CoopStatus.REFUSED})

    def refuse(self, by, note):
        """The steering group keeps a pending co-op out of the directory, saying why."""
        if not note.strip():
            raise ProfileError("Say why, so the co-op's admins know what to change.")
        return self._review(by, note, CoopStatus.REFUSED, {CoopStatus.PENDING})

    def _review(self, by, note, status, allowed_from):
        with transaction.atomic():
            locked = Coop.objects.select_for_update().get(pk=self.pk)
            if locked.status not in allowed_from:
                raise ProfileError(f"{locked.name} is already {locked.get_status_display()}.")
            locked.status = status
            locked.review_note = note.strip()
            locked.reviewed_at = timezone.now()
            locked.reviewed_by = by
            locked.save(update_fields=["status", "review_note", "reviewed_at", "reviewed_by"])
        for field in ("status", "review_note", "reviewed_at", "reviewed_by"):
            setattr(self, field, getattr(locked, field))
        return self

    def admin_emails(self):
        """Where notes about the co-op go: each admin's account address."""
        return list(
            self.memberships.filter(role=MembershipRole.ADMIN, member__user__is_active=True)
            .exclude(member__user__email="")
            .values_list("member__user__email", flat=True)
        )

    @property
    def up_for_values(self):
        return UpForField.to_values(self.up_for)

    @property
    def up_for_labels(self):
        return UpForField.to_labels(self.up_for)


class MembershipRole(models.TextChoices):
    ADMIN = "admin", "Admin"
    MEMBER = "member", "Member"


class Membership(models.Model):
    """A person belongs to a co-op, as a member or as one of its admins."""

    Role = MembershipRole

    coop = models.ForeignKey(Coop, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(
        "profiles.Member", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=MembershipRole, default=MembershipRole.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["coop", "member"], name="membership_unique"),
        ]
        indexes = [
            # Permission checks: is this person an admin of this co-op?
            models.Index(fields=["member", "role"], name="membership_member_role"),
        ]

    def __str__(self):
        return f"{self.member} in {self.coop} ({self.role})"

    @property
    def is_admin(self):
        return self.role == MembershipRole.ADMIN


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", "Waiting"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"


class JoinRequest(models.Model):
    """A person asks to join a co-op; one of its admins approves or refuses."""

    Status = JoinRequestStatus

    coop = models.ForeignKey(Coop, on_delete=models.CASCADE, related_name="join_requests")
    member = models.ForeignKey(
        "profiles.Member", on_delete=models.CASCADE, related_name="join_requests"
    )
    message = TextField(max_length=1000, blank=True)
    status = models.CharField(
        max_length=10, choices=JoinRequestStatus, default=JoinRequestStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        "profiles.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["coop", "member"],
                condition=models.Q(status="pending"),
                name="joinrequest_one_pending_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.member} asks to join {self.coop}"


def new_invitation_token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """A co-op admin invites someone by e-mail; they join when they accept signed in."""

    coop = models.ForeignKey(Coop, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=MembershipRole, default=MembershipRole.MEMBER)
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(
        "profiles.Member", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["coop", "email"],
                condition=models.Q(accepted_at=None),
                name="invitation_one_open_per_address",
            ),
        ]

    def __str__(self):
        return f"{self.email} invited to {self.coop}"

    def get_absolute_url(self):
        return reverse("profiles:invitation", args=[self.token])


class OfficeSpace(models.Model):
    """Desks or rooms a co-op offers to others in the network (also usable as a meetup venue)."""

    class Kind(models.TextChoices):
        DESKS = "desks", "Desks"
        ROOM = "room", "Meeting room"
        BOTH = "both", "Desks and rooms"

    coop = models.ForeignKey(Coop, on_delete=models.CASCADE, related_name="office_spaces")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.DESKS)
    location = models.CharField(max_length=200, help_text="Where it is: address or area.")
    town = models.CharField(max_length=80, blank=True)
    capacity = models.PositiveSmallIntegerField(
        "how many people", null=True, blank=True, validators=[MaxValueValidator(1000)]
    )
    terms = models.CharField(
        max_length=300, blank=True, help_text="Free, at cost, by arrangement..."
    )
    accessibility = models.CharField(
        "accessibility notes", max_length=300, blank=True, help_text="Step-free access, toilets..."
    )

    class Meta:
        ordering = ["coop__name", "location"]

    def __str__(self):
        return f"{self.coop}: {self.location}"


class InKindOffer(models.Model):
    """Support a co-op offers in kind: hosting, legal advice, hardware..."""

    coop = models.ForeignKey(Coop, on_delete=models.CASCADE, related_name="in_kind_offers")
    title = models.CharField(max_length=100)
    description = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title
