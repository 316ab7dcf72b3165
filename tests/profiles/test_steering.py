"""The steering group: approving or refusing new co-ops, and the Django admin."""

import pytest
from django.urls import reverse

from profiles.models import Coop
from tests.factories import make_coop, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(cast):
    return make_coop("Newcomer Co-op", status=Coop.Status.PENDING, admins=[cast.outsider])


def test_staff_see_pending_coops_with_their_admins(cast, client_as, pending):
    html = client_as(cast.staff.user).get(reverse("profiles:coop-queue")).text
    assert "Newcomer Co-op" in html and "outsider@example.org" in html
    assert "Owner Co-op" not in html


def test_approving_lists_the_coop_and_emails_the_note_to_its_admins(
    cast, client_as, pending, mailoutbox
):
    client = client_as(cast.staff.user)
    client.post(reverse("profiles:coop-approve", args=[pending.slug]), {"note": "Welcome!"})
    pending.refresh_from_db()
    assert pending.status == "approved" and pending.reviewed_by == cast.staff.user
    assert pending.review_note == "Welcome!"
    assert mailoutbox[0].to == ["outsider@example.org"] and "Welcome!" in mailoutbox[0].body
    assert "Newcomer Co-op" in client_as(None).get(reverse("profiles:coop-list")).text


def test_refusing_needs_a_note_which_the_admins_get(cast, client_as, pending, mailoutbox):
    client = client_as(cast.staff.user)
    url = reverse("profiles:coop-refuse", args=[pending.slug])
    response = client.post(url, {"note": " "}, follow=True)
    assert "Say why" in response.text
    pending.refresh_from_db()
    assert pending.status == "pending" and mailoutbox == []

    client.post(url, {"note": "Not a co-op yet: tell us about your rules."})
    pending.refresh_from_db()
    assert pending.status == "refused"
    assert "tell us about your rules" in mailoutbox[0].body
    assert client_as(None).get(pending.get_absolute_url()).status_code == 404
    owner_view = client_as(cast.outsider.user).get(pending.get_absolute_url()).text
    assert "tell us about your rules" in owner_view


def test_an_approved_coop_cannot_be_refused_or_approved_again(cast, client_as, mailoutbox):
    response = client_as(cast.staff.user).post(
        reverse("profiles:coop-refuse", args=[cast.coop.slug]), {"note": "x"}, follow=True
    )
    assert "already Approved" in response.text
    cast.coop.refresh_from_db()
    assert cast.coop.status == "approved" and mailoutbox == []


ADMIN_MODELS = [
    "coop",
    "member",
    "membership",
    "joinrequest",
    "invitation",
    "officespace",
    "inkindoffer",
    "skill",
    "coopskill",
    "memberskill",
]


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_the_admin_lists_searches_and_filters_every_model(cast, client_as, model):
    make_member("Admin Test")
    client = client_as(cast.staff.user)
    cast.staff.user.is_superuser = True
    cast.staff.user.save()
    url = reverse(f"admin:profiles_{model}_changelist")
    assert client.get(url, {"q": "co"}).status_code == 200
    assert client.get(reverse(f"admin:profiles_{model}_add")).status_code == 200
