"""Pieces both kinds of profile share: freshness, contact details and what they are up for."""

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from core.steps import StepRefused
from core.text import TextField
from profiles.models.skills import SKILL_GROUP
from profiles.search import document_update


class ProfileError(StepRefused):
    """An illegal step in the directory's workflows; its message is shown to the person."""


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

    def confirm(self):
        """
        "Still accurate": the owner has reviewed the profile and confirms it now.

        Only the timestamp changes, so a confirmation racing an edit loses nothing.
        """
        with transaction.atomic():
            locked = type(self).objects.select_for_update().get(pk=self.pk)
            locked.mark_confirmed()
            locked.save(update_fields=["last_confirmed_at", "updated_at"])
        self.last_confirmed_at = locked.last_confirmed_at


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

    @staticmethod
    def to_labels(stored):
        return [UpFor(value).label for value in UpForField.to_values(stored) if value in UpFor]


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
    address = TextField(max_length=500, blank=True)
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


class ProfileQuerySet(FreshnessQuerySet):
    """What the co-op and member querysets share: freshness, and who offers, needs or uses."""

    def offering(self, skill):
        return self.filter(skill_links__skill=skill, skill_links__relation="offers")

    def needing(self, skill):
        return self.filter(skill_links__skill=skill, skill_links__relation="needs")

    # Not `using`: that is QuerySet.using(database), which Django itself calls.
    def using_tool(self, tool):
        return self.filter(skill_links__skill=tool, skill_links__relation="uses")


class HasSkills:
    """
    What Coop and Member share about skills: links through `skill_links` with a
    relation (offers, needs, uses), and a `search_text` column kept in step with
    the profile and its skills so that one index serves the directory search.
    Subclasses name their searchable fields in SEARCH_FIELDS.
    """

    SEARCH_FIELDS = ()

    def skills_for(self, relation, kinds=None):
        """Skills linked with `relation` (optionally of some kinds), from a prefetch if any."""
        return [
            link.skill
            for link in self.skill_links.all()
            if link.relation == relation and (kinds is None or link.skill.kind in kinds)
        ]

    def skills_in(self, group):
        """The skills of one SkillGroup (tech skills offered, tools...), sorted by name."""
        skills = [link.skill for link in self.skill_links.all() if group.holds(link)]
        return sorted(skills, key=lambda skill: skill.name.casefold())

    # For templates, which cannot pass arguments (all from the prefetched links).
    @property
    def offered_skills(self):
        return self.skills_for("offers")

    @property
    def needed_skills(self):
        return self.skills_for("needs")

    @property
    def offered_tech_skills(self):
        return self.skills_in(SKILL_GROUP["tech_skills_offered"])

    @property
    def needed_tech_skills(self):
        return self.skills_in(SKILL_GROUP["tech_skills_needed"])

    @property
    def offered_coop_skills(self):
        return self.skills_in(SKILL_GROUP["coop_skills_offered"])

    @property
    def needed_coop_skills(self):
        return self.skills_in(SKILL_GROUP["coop_skills_needed"])

    @property
    def tools(self):
        return self.skills_in(SKILL_GROUP["tools"])

    def set_skills(self, relation, skills):
        """Make `skills` exactly the ones this profile has with `relation`."""
        wanted = {skill.pk: skill for skill in skills}
        links = self.skill_links.filter(relation=relation)
        links.exclude(skill_id__in=wanted).delete()
        have = set(links.values_list("skill_id", flat=True))
        link_model = self.skill_links.model
        owner = self.skill_links.field.name
        link_model.objects.bulk_create(
            [
                link_model(**{owner: self}, skill=skill, relation=relation)
                for pk, skill in wanted.items()
                if pk not in have
            ],
            ignore_conflicts=True,
        )
        self.refresh_search_text()

    def compose_search_text(self, skill_names):
        parts = [str(getattr(self, name) or "") for name in self.SEARCH_FIELDS]
        return " ".join(part for part in [*parts, *skill_names] if part)

    def refresh_search_text(self):
        """Rebuild `search_text` from the saved fields and skill names (two queries)."""
        names = self.skill_links.values_list("skill__name", flat=True).distinct()
        self.search_text = self.compose_search_text(sorted(names))
        type(self).objects.filter(pk=self.pk).update(
            search_text=self.search_text, **document_update(self.search_text)
        )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & set(self.SEARCH_FIELDS):
            self.refresh_search_text()
