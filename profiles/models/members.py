"""A person's profile: one per account, whether or not they belong to a co-op."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from core.steps import StepRefused
from core.text import TextField
from profiles.models.coops import Membership
from profiles.models.shared import (
    ContactDetails,
    Freshness,
    HasSkills,
    ProfileQuerySet,
    UpForField,
)


class LastAdminError(StepRefused):
    """The person is the last admin of a co-op that still has other members."""


class MemberQuerySet(ProfileQuerySet):
    def listed(self):
        """Members shown in the directory: those who have given a display name."""
        return self.exclude(display_name="").filter(user__is_active=True)

    def get_for_user(self, user):
        """
        `user`'s member with `admin_coop_ids()` answered by the same query (the member
        joined to the memberships where they are an admin, a row per such co-op),
        for pages that ask both about their viewer. Kept as `user.member` too.
        """
        admin = models.FilteredRelation(
            "memberships", condition=models.Q(memberships__role=Membership.Role.ADMIN)
        )
        rows = list(
            self.filter(user=user).annotate(
                admin_membership=admin, admin_coop_id=models.F("admin_membership__coop_id")
            )
        )
        if not rows:
            raise self.model.DoesNotExist(f"No member for {user}.")
        member = rows[0]
        member._admin_coop_ids = frozenset(
            row.admin_coop_id for row in rows if row.admin_coop_id is not None
        )
        user.member = member
        return member


class Member(HasSkills, Freshness, ContactDetails):
    """A person in the network: what they can do, need and are up for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member"
    )
    display_name = models.CharField(
        max_length=100,
        blank=True,
        help_text="How you appear in the directory. You are not listed until you give one.",
    )
    pronouns = models.CharField(max_length=40, blank=True)
    bio = TextField(
        "short bio", max_length=5000, blank=True, help_text="Markdown: links and lists work."
    )
    town = models.CharField(max_length=80, blank=True)
    region = models.CharField(max_length=80, blank=True, db_index=True)
    website = models.URLField(blank=True)
    fediverse = models.CharField(
        "fediverse", max_length=200, blank=True, help_text="@you@instance or a profile link."
    )
    forge = models.URLField("code forge", blank=True, help_text="GitHub, GitLab, Codeberg...")
    availability = models.CharField(
        "availability for exchanges",
        max_length=300,
        blank=True,
        help_text="For example: two days a month, remote only.",
    )
    available_from = models.DateField(null=True, blank=True)
    up_for = UpForField()
    up_for_other = models.CharField("also up for", max_length=200, blank=True)
    search_text = TextField(blank=True, editable=False)
    # search_text as PostgreSQL's tsvector, stored so that searching and ranking read it
    # from the GIN index and the row instead of parsing the text again (see profiles/search.py).
    search_document = SearchVectorField(null=True, editable=False)
    # See Coop.import_snapshot.
    import_snapshot = models.JSONField(default=dict, blank=True, editable=False)
    # Set when the person deleted their account: the row stays so that shared
    # records (exchanges, signatures) keep pointing at "a former member".
    forgotten_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    coops = models.ManyToManyField(
        "profiles.Coop", through=Membership, related_name="members", blank=True
    )

    objects = MemberQuerySet.as_manager()

    # admin_coop_ids() once asked.
    _admin_coop_ids = None

    NAME_FIELD = "display_name"
    SEARCH_FIELDS = ("display_name", "bio", "town", "region", "availability", "up_for_other")

    class Meta:
        ordering = ["display_name", "pk"]
        indexes = [
            # Matching: listed members by freshness, with what the ranking reads
            # (see Listing's listing_match).
            models.Index(
                fields=["last_confirmed_at"],
                include=["id", "user", "region"],
                condition=~models.Q(display_name=""),
                name="member_match",
            ),
            # /members/ reads listed members freshest first through the index
            # member_freshest, which migration 0008 makes on PostgreSQL only
            # (SQLite cannot index NULLS LAST).
        ]

    def __str__(self):
        if self.forgotten_at:
            return "a former member"
        return self.display_name or f"Member {self.pk}"

    def get_absolute_url(self):
        return reverse("profiles:member-detail", args=[self.pk])

    @property
    def up_for_values(self):
        return UpForField.to_values(self.up_for)

    @property
    def up_for_labels(self):
        return UpForField.to_labels(self.up_for)

    @property
    def is_listed(self):
        return bool(self.display_name) and self.user.is_active

    def admin_coop_ids(self):
        """
        Ids of the co-ops this person administers, for permission checks over many objects.

        Asked once per object and then remembered, as Django's ModelBackend keeps a
        user's permissions: a page asks several times about its viewer, loaded afresh
        for each request.
        """
        if self._admin_coop_ids is None:
            self._admin_coop_ids = frozenset(
                self.memberships.filter(role=Membership.Role.ADMIN).values_list(
                    "coop_id", flat=True
                )
            )
        return self._admin_coop_ids

    def forget(self):
        """
        Delete the person's account at their request, keeping shared records.

        Everything that is theirs alone goes (profile text, contact details,
        skills, memberships, requests, the sign-in; each room above takes its own
        part first, in FORGET_STEPS), while the Member
        row stays, nameless, so exchanges and signatures they took part in still
        make sense and show "a former member". Refused while they are the last
        admin of a co-op others belong to: they must hand it over first.
        """
        with transaction.atomic():
            member = Member.objects.select_for_update().select_related("user").get(pk=self.pk)
            stranded = [
                membership.coop.name
                for membership in member.memberships.filter(
                    role=Membership.Role.ADMIN
                ).select_related("coop")
                if not membership.coop.memberships.filter(role=Membership.Role.ADMIN)
                .exclude(member=member)
                .exists()
                and membership.coop.memberships.exclude(member=member).exists()
            ]
            if stranded:
                raise LastAdminError(
                    "You are the last admin of "
                    + ", ".join(stranded)
                    + ": make another member an admin first."
                )
            member.skill_links.all().delete()
            member.memberships.all().delete()
            member.join_requests.all().delete()
            for field in self.FORGETTABLE_FIELDS:
                setattr(member, field, member._meta.get_field(field).get_default())
            member.forgotten_at = timezone.now()
            member.save()
            user = member.user
            EmailAddress.objects.filter(user=user).delete()
            user.username = f"former-member-{member.pk}"
            user.email = ""
            user.first_name = user.last_name = ""
            user.is_active = False
            # A new password hash also ends every other signed-in session at once.
            user.set_unusable_password()
            user.save()
        self.refresh_from_db()

    FORGETTABLE_FIELDS = (
        "display_name", "pronouns", "bio", "town", "region", "website", "fediverse", "forge",
        "availability", "available_from", "up_for", "up_for_other", "contact_email", "phone",
        "chat", "address", "search_text", "import_snapshot", "last_confirmed_at",
        "last_reminded_at",
    )  # fmt: skip
