"""Contact details show only to those their visibility allows, wherever they appear."""

import pytest
from django.urls import reverse

from profiles.models import Coop, Member

pytestmark = pytest.mark.django_db

CONTACTS = {
    "contact_email": ("everyone@example.coop", "public"),
    "phone": ("0161 555 0101", "members"),
    "chat": ("@admins-only:matrix.example", "admins"),
}


def give_contacts(profile):
    for field, (value, visibility) in CONTACTS.items():
        setattr(profile, field, value)
        setattr(profile, f"{field}_visibility", visibility)
    profile.save()


def seen(html):
    return {field for field, (value, _) in CONTACTS.items() if value in html}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", {"contact_email"}),
        ("outsider", {"contact_email", "phone"}),
        ("member", {"contact_email", "phone"}),
        ("other_admin", {"contact_email", "phone"}),
        ("owner", {"contact_email", "phone", "chat"}),
        ("staff", {"contact_email", "phone", "chat"}),
    ],
)
def test_a_coops_contacts_by_role(cast, client_as, role, expected):
    give_contacts(cast.coop)
    html = client_as(cast.user(role)).get(cast.coop.get_absolute_url()).text
    assert seen(html) == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("outsider", {"contact_email", "phone"}),
        ("other_admin", {"contact_email", "phone"}),
        ("owner", {"contact_email", "phone", "chat"}),  # an admin of the member's co-op
        ("member", {"contact_email", "phone", "chat"}),  # the member themself
        ("staff", {"contact_email", "phone", "chat"}),
    ],
)
def test_a_members_contacts_by_role(cast, client_as, role, expected):
    give_contacts(cast.member)
    html = client_as(cast.user(role)).get(cast.member.get_absolute_url()).text
    assert seen(html) == expected


def test_lists_search_results_and_skill_pages_show_no_contact_details(cast, client_as):
    give_contacts(cast.coop)
    give_contacts(cast.member)
    Coop.objects.filter(pk=cast.coop.pk).update(search_text="everyone@example.coop")
    Member.objects.filter(pk=cast.member.pk).update(search_text="everyone@example.coop")
    client = client_as(cast.outsider.user)
    for url in (
        reverse("profiles:coop-list"),
        reverse("profiles:coop-list") + "?q=everyone",
        reverse("profiles:member-list"),
        reverse("profiles:member-list") + "?q=everyone",
    ):
        html = client.get(url).text
        assert seen(html) == set(), url
