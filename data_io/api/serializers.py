"""The API's stable field names. Only what visitors may see on the site appears here."""

from django.urls import reverse
from rest_framework import serializers

from listings.models import Listing
from meetups.models import Cell, Meetup
from profiles.models import ContactVisibility, Coop
from profiles.models.skills import SKILL_GROUP


def _skill_names(profile, group_name):
    return [skill.name for skill in profile.skills_in(SKILL_GROUP[group_name])]


class CoopSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    tech_skills_offered = serializers.SerializerMethodField()
    tech_skills_needed = serializers.SerializerMethodField()
    coop_skills_offered = serializers.SerializerMethodField()
    coop_skills_needed = serializers.SerializerMethodField()
    tools = serializers.SerializerMethodField()
    up_for = serializers.SerializerMethodField()
    contact = serializers.SerializerMethodField()
    is_stale = serializers.BooleanField(read_only=True)

    class Meta:
        model = Coop
        fields = [
            "slug", "name", "summary", "about", "website", "town", "region", "country",
            "latitude", "longitude", "founded_year", "worker_count", "legal_form",
            "tech_skills_offered", "tech_skills_needed", "coop_skills_offered",
            "coop_skills_needed", "tools", "up_for", "up_for_other", "contact",
            "last_confirmed_at", "is_stale", "url",
        ]  # fmt: skip

    def get_url(self, coop) -> str:
        return self.context["request"].build_absolute_uri(coop.get_absolute_url())

    def get_tech_skills_offered(self, coop) -> list[str]:
        return _skill_names(coop, "tech_skills_offered")

    def get_tech_skills_needed(self, coop) -> list[str]:
        return _skill_names(coop, "tech_skills_needed")

    def get_coop_skills_offered(self, coop) -> list[str]:
        return _skill_names(coop, "coop_skills_offered")

    def get_coop_skills_needed(self, coop) -> list[str]:
        return _skill_names(coop, "coop_skills_needed")

    def get_tools(self, coop) -> list[str]:
        return _skill_names(coop, "tools")

    def get_up_for(self, coop) -> list[str]:
        return coop.up_for_values

    def get_contact(self, coop) -> dict[str, str]:
        """Public contact details only: members-only and admins-only ones never appear."""
        visible = coop.visible_contact_fields(ContactVisibility.PUBLIC)
        names = {"contact_email": "email", "phone": "phone", "chat": "chat", "address": "address"}
        return {
            names[field]: getattr(coop, field) for field in coop.CONTACT_FIELDS if field in visible
        }


class ListingSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    skills = serializers.SerializerMethodField()
    posted_for = serializers.SerializerMethodField()

    class Meta:
        model = Listing
        fields = [
            "id", "kind", "category", "title", "description", "skills", "time_amount",
            "time_unit", "cost_kind", "cost_amount", "currency", "deadline", "place", "region",
            "remote_ok", "expires_on", "posted_for", "created_at", "url",
        ]  # fmt: skip

    def get_url(self, listing) -> str:
        return self.context["request"].build_absolute_uri(listing.get_absolute_url())

    def get_skills(self, listing) -> list[str]:
        return [skill.name for skill in listing.skills.all()]

    def get_posted_for(self, listing) -> str | None:
        """The co-op's slug when posted on behalf of an approved co-op; people stay unnamed."""
        coop = listing.coop
        return coop.slug if coop and coop.status == Coop.Status.APPROVED else None


class CellSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    calendar_url = serializers.SerializerMethodField()
    member_count = serializers.IntegerField(read_only=True)
    champions = serializers.SerializerMethodField()

    class Meta:
        model = Cell
        fields = [
            "slug", "name", "region", "area", "description", "aims", "outcomes", "benefits",
            "cadence_months", "member_count", "champions", "url", "calendar_url",
        ]  # fmt: skip

    def get_url(self, cell) -> str:
        return self.context["request"].build_absolute_uri(cell.get_absolute_url())

    def get_calendar_url(self, cell) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("meetups:cell-calendar", args=[cell.slug])
        )

    def get_champions(self, cell) -> list[str]:
        """Champions' names, as the public cell page shows them."""
        return [str(champion) for champion in cell.champions.all()]


class MeetupSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    calendar_url = serializers.SerializerMethodField()
    cell = serializers.SerializerMethodField()
    is_gathering = serializers.SerializerMethodField()

    class Meta:
        model = Meetup
        fields = [
            "id", "title", "cell", "is_gathering", "starts_at", "ends_at", "venue",
            "online_link", "kind", "capacity", "description", "agenda", "url", "calendar_url",
        ]  # fmt: skip

    def get_url(self, meetup) -> str:
        return self.context["request"].build_absolute_uri(meetup.get_absolute_url())

    def get_calendar_url(self, meetup) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("meetups:meetup-calendar", args=[meetup.pk])
        )

    def get_cell(self, meetup) -> str | None:
        return meetup.cell.slug if meetup.cell else None

    def get_is_gathering(self, meetup) -> bool:
        return meetup.cell_id is None
