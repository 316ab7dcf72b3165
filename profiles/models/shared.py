"""Pieces both kinds of profile share: freshness, contact details and what they are up for."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


class UpFor(models.TextChoices):
    """What a co-op or a member is up for, as the network listed it in 2016."""

    MENTORING = "mentoring", "Mentoring"
    SPEAKING = "speaking", "Speaking"
    HOSTING = "hosting", "Hosting a meetup"
    PAIRING = "pairing", "Pairing"
    EXCHANGE = "exchange", "Taking on an exchange"
    SUBCONTRACTING = "subcontracting", "Subcontracting"
    JOINT_BIDS = "joint-bids", "Joint bids"


class ContactVisibility(models.TextChoices):
    """Who may see one contact detail. Ordered from most to least open."""

    PUBLIC = "public", "Everyone"
    MEMBERS = "members", "Signed-in members"
    ADMINS = "admins", "Co-op admins only"


def stale_cutoff(now=None):
    """Profiles confirmed before this moment are stale."""
    return (now or timezone.now()) - timedelta(days=settings.STALE_AFTER_DAYS)


class FreshnessQuerySet(models.QuerySet):
    def fresh(self):
        return self.filter(last_confirmed_at__gte=stale_cutoff())

    def stale(self):
        return self.filter(
            models.Q(last_confirmed_at__lt=stale_cutoff()) | models.Q(last_confirmed_at=None)
        )

    def freshest_first(self):
        return self.order_by(models.F("last_confirmed_at").desc(nulls_last=True), "pk")


class Freshness(models.Model):
    """
    When the profile's owner last said it was accurate, and when we last nagged them.

    `last_confirmed_at` is null for imported profiles nobody has checked yet: they count as stale.
    """

    last_confirmed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_stale(self):
        return self.last_confirmed_at is None or self.last_confirmed_at < stale_cutoff()

    def mark_confirmed(self, now=None):
        """Record that the owner says the profile is accurate (saved, or "Still accurate")."""
        self.last_confirmed_at = now or timezone.now()


class UpForField(models.CharField):
    """
    A set of UpFor values stored as ",mentoring,speaking," so that one `contains`
    lookup filters on a value on every database (SQLite has no array type).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    @staticmethod
    def to_stored(values):
        values = sorted({UpFor(value).value for value in values})
        return f",{','.join(values)}," if values else ""

    @staticmethod
    def to_values(stored):
        return [value for value in (stored or "").split(",") if value]


class ContactDetails(models.Model):
    """Ways to get in touch, each with who may see it."""

    contact_email = models.EmailField("e-mail", blank=True)
    contact_email_visibility = models.CharField(
        "who sees the e-mail",
        max_length=10,
        choices=ContactVisibility,
        default=ContactVisibility.MEMBERS,
    )
    phone = models.CharField(max_length=40, blank=True)
    phone_visibility = models.CharField(
        "who sees the phone number",
        max_length=10,
        choices=ContactVisibility,
        default=ContactVisibility.MEMBERS,
    )
    chat = models.CharField(
        max_length=200, blank=True, help_text="Matrix, Signal, Slack or similar handle or link."
    )
    chat_visibility = models.CharField(
        "who sees the chat handle",
        max_length=10,
        choices=ContactVisibility,
        default=ContactVisibility.MEMBERS,
    )
    address = models.TextField(max_length=500, blank=True)
    address_visibility = models.CharField(
        "who sees the address",
        max_length=10,
        choices=ContactVisibility,
        default=ContactVisibility.ADMINS,
    )

    CONTACT_FIELDS = ("contact_email", "phone", "chat", "address")

    class Meta:
        abstract = True

    def visible_contact_fields(self, level):
        """
        Names of the contact fields someone with access `level` may see.

        `level` is the most private ContactVisibility the viewer may see: PUBLIC for
        visitors, MEMBERS for signed-in members, ADMINS for the profile's own admins.
        """
        allowed = {
            ContactVisibility.PUBLIC: {ContactVisibility.PUBLIC},
            ContactVisibility.MEMBERS: {ContactVisibility.PUBLIC, ContactVisibility.MEMBERS},
            ContactVisibility.ADMINS: set(ContactVisibility),
        }[level]
        return {
            name
            for name in self.CONTACT_FIELDS
            if getattr(self, name) and getattr(self, f"{name}_visibility") in allowed
        }

    def contacts_visible_at(self, level):
        """The contact details someone with access `level` may see, as (label, value) pairs."""
        visible = self.visible_contact_fields(level)
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.CONTACT_FIELDS
            if name in visible
        ]
