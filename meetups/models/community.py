"""Shout-outs, the steering group and the pages staff write (About, steering group)."""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.text import TextField
from meetups.models.cells import Cell
from profiles.models import Member


class ShoutOutQuerySet(models.QuerySet):
    def current(self, today=None):
        """Shout-outs whose date has not passed yet, soonest first."""
        today = today or timezone.localdate()
        return self.filter(date__gte=today).order_by("date", "pk")


class ShoutOut(models.Model):
    """A member inviting others to an event they are going to ("come to an AI event with me")."""

    author = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="shout_outs")
    cell = models.ForeignKey(
        Cell,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shout_outs",
        help_text="Optional: the cell this is mainly for.",
    )
    title = models.CharField(max_length=150)
    link = models.URLField(blank=True)
    date = models.DateField(help_text="The day of the event; the shout-out shows until then.")
    place = models.CharField(max_length=200, blank=True)
    note = TextField(blank=True, max_length=3000, help_text="Markdown.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ShoutOutQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        indexes = [
            # The home page, the cell page and the feed list shout-outs from today on.
            models.Index(fields=["date"], name="meetups_shoutout_date_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetups:shout-out-list") + f"#shout-out-{self.pk}"

    def can_edit(self, user):
        return user.is_authenticated and self.author.user_id == user.pk

    def can_delete(self, user):
        """The author, or the steering group removing something unsuitable."""
        return user.is_authenticated and (user.is_staff or self.author.user_id == user.pk)


DEFAULT_PAGES = {
    "about": (
        "About the CoTech network",
        """## Our mission
CoTech is a network of UK tech co-operatives. We help each other do good work, win bigger
contracts together and grow the co-operative economy in technology.

## Our vision
A thriving, democratic tech sector where the people who do the work own it and decide together.

## Our principles
We follow the seven co-operative principles of the International Co-operative Alliance:

1. Voluntary and open membership
2. Democratic member control
3. Member economic participation
4. Autonomy and independence
5. Education, training and information
6. **Cooperation among co-operatives**: above all, this is what the network is for
7. Concern for community
""",
    ),
    "steering-group": (
        "The steering group",
        """The steering group looks after the network between national gatherings: it approves new
cells, appoints cell champions, keeps the directory running and prepares the national gatherings.
""",
    ),
}


class SitePageManager(models.Manager):
    def page(self, slug):
        """The page with this slug, created with its default text the first time it is asked for."""
        title, body = DEFAULT_PAGES[slug]
        page, _ = self.get_or_create(slug=slug, defaults={"title": title, "body": body})
        return page


class SitePage(models.Model):
    """Text the steering group edits in the admin: the About page and the steering group's aim."""

    slug = models.SlugField(unique=True, choices=[(slug, slug) for slug in DEFAULT_PAGES])
    title = models.CharField(max_length=150)
    body = TextField(help_text="Markdown.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = SitePageManager()

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.title


class SteeringGroupMember(models.Model):
    """A member of the steering group; only staff accounts are listed on its page."""

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="steering_role")
    role = models.CharField(max_length=100, blank=True, help_text="For example: treasurer.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return str(self.member)
