"""Posting, editing, closing, renewing and expiring a need or an offer."""

import threading
from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from listings.models import Listing, ListingError
from tests.factories import make_coop, make_member
from tests.listings.factories import listing_form_data, make_need, make_offer

pytestmark = pytest.mark.django_db


def test_a_member_posts_a_need_for_themselves(client_as, cast):
    client = client_as(cast.outsider.user)
    response = client.post("/listings/new/", listing_form_data())
    listing = Listing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/listings/{listing.pk}/"
    assert listing.author == cast.outsider
    assert listing.coop is None
    assert listing.kind == "need"
    assert sorted(skill.name for skill in listing.skills.all()) == ["Django", "PostgreSQL"]
    assert "django" in listing.search_text
    assert listing.is_open


def test_a_member_posts_an_offer_on_behalf_of_their_coop(client_as, cast):
    client = client_as(cast.member.user)
    client.post(
        "/listings/new/",
        listing_form_data(
            kind="offer",
            coop=cast.coop.pk,
            category="work",
            cost_kind="paid",
            cost_amount="1200.50",
            currency="EUR",
            coop_skills="Bookkeeping",
        ),
    )
    listing = Listing.objects.get()
    assert listing.coop == cast.coop
    assert listing.cost_amount == pytest.approx(1200.50)
    assert listing.currency == "EUR"
    assert {skill.kind for skill in listing.skills.all()} == {"tech", "coop"}


def test_a_member_cannot_post_for_a_coop_they_do_not_belong_to(client_as, cast):
    response = client_as(cast.outsider.user).post(
        "/listings/new/", listing_form_data(coop=cast.coop.pk)
    )
    assert response.status_code == 200
    assert "coop" in response.context["form"].errors
    assert not Listing.objects.exists()


def test_the_expiry_defaults_to_sixty_days_ahead(client_as, cast):
    response = client_as(cast.outsider.user).get("/listings/new/?kind=offer")
    form = response.context["form"]
    assert form["expires_on"].value() == timezone.localdate() + timedelta(days=60)
    assert form["kind"].value() == "offer"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("expires_on", "2000-01-01", "today or a later date"),
        ("expires_on", (timezone.localdate() + timedelta(days=400)).isoformat(), "at most a year"),
        ("deadline", "2000-01-01", "cannot be in the past"),
        ("cost_amount", "-5", "greater than or equal to 0"),
        ("time_amount", "-1", "greater than or equal to 0.5"),
        ("title", "x" * 121, "at most 120 characters"),
        ("tech_skills", ", ".join(f"skill{n}" for n in range(11)), "at most 10 skills"),
        ("description", "x" * 10001, "at most 10000 characters"),
    ],
)
def test_bad_input_gets_a_message_beside_the_field_and_saves_nothing(
    client_as, cast, field, value, message
):
    data = listing_form_data(**{field: value})
    if field == "cost_amount":
        data["cost_kind"] = "paid"
    response = client_as(cast.outsider.user).post("/listings/new/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors[field])
    # Values are kept in the form, and nothing is half-saved.
    assert response.context["form"]["title"].value() == data["title"]
    assert not Listing.objects.exists()
    assert 'aria-invalid="true"' in response.content.decode()


def test_too_many_skills_in_all_is_refused(client_as, cast):
    data = listing_form_data(
        tech_skills=", ".join(f"t{n}" for n in range(6)),
        coop_skills=", ".join(f"c{n}" for n in range(6)),
    )
    response = client_as(cast.outsider.user).post("/listings/new/", data)
    assert "at most 10 skills in all" in str(response.context["form"].errors["tech_skills"])
    assert not Listing.objects.exists()


def test_a_paid_listing_needs_an_amount(client_as, cast):
    response = client_as(cast.outsider.user).post(
        "/listings/new/", listing_form_data(cost_kind="paid", cost_amount="")
    )
    assert "Give the amount" in str(response.context["form"].errors["cost_amount"])


def test_the_author_edits_their_listing(client_as, cast):
    listing = make_need(cast.member, title="Old title", skills=["Django"])
    response = client_as(cast.member.user).get(f"/listings/{listing.pk}/edit/")
    assert response.context["form"]["tech_skills"].value() == ["Django"]
    client_as(cast.member.user).post(
        f"/listings/{listing.pk}/edit/",
        listing_form_data(title="New title", tech_skills="Rust"),
    )
    listing.refresh_from_db()
    assert listing.title == "New title"
    assert [skill.name for skill in listing.skills.all()] == ["Rust"]
    assert listing.author == cast.member


def test_a_coop_admin_edits_a_colleagues_listing_and_keeps_its_coop(client_as, cast):
    listing = make_need(cast.member, coop=cast.coop)
    client_as(cast.owner.user).post(
        f"/listings/{listing.pk}/edit/",
        listing_form_data(title="Tidied by the admin", coop=cast.coop.pk),
    )
    listing.refresh_from_db()
    assert listing.title == "Tidied by the admin"
    assert listing.author == cast.member
    assert listing.coop == cast.coop


def test_closing_asks_first_then_closes_as_fulfilled(client_as, cast):
    listing = make_need(cast.member)
    client = client_as(cast.member.user)
    confirm = client.get(f"/listings/{listing.pk}/close/")
    assert "Close “" in confirm.content.decode()
    listing.refresh_from_db()
    assert listing.status == "open"
    client.post(f"/listings/{listing.pk}/close/", {"outcome": "fulfilled"})
    listing.refresh_from_db()
    assert listing.status == "fulfilled"
    assert listing.closed_at is not None
    assert not Listing.objects.open().exists()
    page = client.get(f"/listings/{listing.pk}/")
    assert page.status_code == 200
    assert "is closed: fulfilled" in page.content.decode()


def test_closing_a_closed_listing_is_refused(client_as, cast):
    listing = make_need(cast.member)
    listing.close("withdrawn")
    response = client_as(cast.member.user).post(
        f"/listings/{listing.pk}/close/", {"outcome": "fulfilled"}, follow=True
    )
    assert "already withdrawn" in response.content.decode()
    listing.refresh_from_db()
    assert listing.status == "withdrawn"
    with pytest.raises(ListingError):
        listing.close("open")


def test_a_listing_expires_leaves_the_lists_and_renewing_brings_it_back(client_as, cast):
    with time_machine.travel("2026-03-01 12:00Z", tick=False):
        listing = make_offer(cast.member, title="Pairing on Rust")
    client = client_as(cast.outsider.user)
    with time_machine.travel("2026-04-30 12:00Z", tick=False):
        assert "Pairing on Rust" in client.get("/listings/").content.decode()
    with time_machine.travel("2026-05-01 12:00Z", tick=False):
        assert listing.expires_on == date(2026, 4, 30)
        assert "Pairing on Rust" not in client.get("/listings/").content.decode()
        page = client.get(f"/listings/{listing.pk}/").content.decode()
        assert "expired on" in page
        client_as(cast.member.user).post(f"/listings/{listing.pk}/renew/")
        listing.refresh_from_db()
        assert listing.expires_on == date(2026, 6, 30)
        assert listing.confirmed_at.date() == date(2026, 5, 1)
        assert "Pairing on Rust" in client_as(cast.outsider.user).get("/listings/").content.decode()


def test_a_closed_listing_cannot_be_renewed(client_as, cast):
    listing = make_need(cast.member)
    listing.close("fulfilled")
    before = listing.expires_on
    response = client_as(cast.member.user).post(f"/listings/{listing.pk}/renew/", follow=True)
    assert "post a new one instead" in response.content.decode()
    listing.refresh_from_db()
    assert listing.expires_on == before


def test_markdown_is_sanitised_and_text_escaped(client_as, cast):
    listing = make_need(
        make_member("<b>Mallory</b>"),
        title="<script>alert(1)</script>",
        description="**bold** <script>alert(2)</script> [x](javascript:alert(3))",
    )
    page = client_as(cast.outsider.user).get(f"/listings/{listing.pk}/").content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<strong>bold</strong>" in page
    assert "javascript:" not in page
    assert "&lt;b&gt;Mallory&lt;/b&gt;" in page


def test_the_coop_choice_lists_only_the_authors_coops(client_as, cast):
    make_coop("Elsewhere Co-op")
    form = client_as(cast.member.user).get("/listings/new/").context["form"]
    assert list(form.fields["coop"].queryset) == [cast.coop]


def test_renewing_never_shortens_a_listing(cast):
    far = timezone.localdate() + timedelta(days=200)
    listing = make_offer(cast.member, expires_on=far, confirmed_at=timezone.now() - timedelta(10))
    listing.renew()
    listing.refresh_from_db()
    assert listing.expires_on == far
    assert timezone.now() - listing.confirmed_at < timedelta(minutes=1)


@pytest.mark.django_db(transaction=True)
def test_two_people_closing_at_once_close_it_once():
    listing_id = make_need().pk
    barrier = threading.Barrier(2)
    outcomes = []

    def close(outcome):
        try:
            listing = Listing.objects.get(pk=listing_id)
            barrier.wait()
            listing.close(outcome)
            outcomes.append(outcome)
        except ListingError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=close, args=(o,)) for o in ("fulfilled", "withdrawn")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("refused") == 1
    [winner] = [outcome for outcome in outcomes if outcome != "refused"]
    assert Listing.objects.get(pk=listing_id).status == winner
