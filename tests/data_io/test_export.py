"""CSV downloads: visibility, and export → import giving back the same directory."""

import csv
import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from data_io.importers.directory_csv import import_directory_csv
from profiles.models import ContactVisibility, Coop, InKindOffer, Member
from tests.factories import give_skills, make_coop, make_member
from tests.helpers import assert_query_budget

pytestmark = pytest.mark.django_db


def rows(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def full_coop(name, **extra):
    coop = make_coop(
        name,
        summary=f"{name} summary",
        about=f"About **{name}**",
        website=f"https://{name.lower().replace(' ', '')}.coop",
        contact_email=f"hello@{name.lower().replace(' ', '')}.coop",
        contact_email_visibility=ContactVisibility.PUBLIC,
        phone="0161 000 0000",
        phone_visibility=ContactVisibility.MEMBERS,
        chat="#coop:matrix.org",
        chat_visibility=ContactVisibility.ADMINS,
        town="Manchester",
        region="North West",
        latitude="53.480000",
        longitude="-2.240000",
        founded_year=2012,
        worker_count=7,
        legal_form="worker-coop",
        up_for=",mentoring,speaking,",
        up_for_other="Hack days",
        **extra,
    )
    give_skills(coop, offers=["Django", "Python"], needs=["Rust"], uses=["Loomio"])
    give_skills(coop, offers=["Facilitation"], needs=["Bookkeeping"], kind="coop")
    InKindOffer.objects.create(coop=coop, title="Meeting room")
    return coop


def test_visitors_get_public_contacts_only(client):
    full_coop("Fair Code")
    [row] = rows(client.get("/coops/export.csv"))
    assert row["type"] == "coop" and row["name"] == "Fair Code"
    assert row["email"] == "hello@faircode.coop"
    assert row["phone"] == "" and row["chat"] == ""


def test_members_see_members_only_contacts_and_staff_see_all(client):
    full_coop("Fair Code")
    client.force_login(make_member().user)
    [row] = rows(client.get("/coops/export.csv"))
    assert row["phone"] == "0161 000 0000" and row["chat"] == ""
    client.force_login(make_member(user_extra={"is_staff": True}).user)
    [row] = rows(client.get("/coops/export.csv"))
    assert row["chat"] == "#coop:matrix.org"


def test_coops_waiting_for_approval_are_not_exported_to_the_public(client):
    make_coop("Not Yet", status=Coop.Status.PENDING)
    assert rows(client.get("/coops/export.csv")) == []


@pytest.mark.parametrize(
    ("role", "status"),
    # staff_member_required sends everyone else to the admin's sign-in page.
    [("anonymous", 302), ("member", 302), ("staff", 200)],
)
def test_only_staff_download_members(client, role, status):
    if role != "anonymous":
        client.force_login(make_member(user_extra={"is_staff": role == "staff"}).user)
    response = client.get("/members/export.csv")
    assert response.status_code == status
    if status == 200:
        assert rows(response)[0]["type"] == "member"


def snapshot_of_directory():
    """Everything the CSV carries, keyed by natural keys, for comparing two databases."""
    coops = {
        coop.slug: (
            coop.name, coop.summary, coop.about, coop.website, coop.contact_email, coop.phone,
            coop.chat, coop.town, coop.region, coop.country, str(coop.latitude),
            str(coop.longitude), coop.founded_year, coop.worker_count, coop.legal_form,
            coop.up_for, coop.up_for_other,
            sorted((link.skill.name, link.relation) for link in coop.skill_links.all()),
            sorted(offer.title for offer in coop.in_kind_offers.all()),
        )
        for coop in Coop.objects.all()
    }  # fmt: skip
    members = {
        member.user.email: (
            member.display_name, member.pronouns, member.bio, member.website, member.fediverse,
            member.forge, member.town, member.region, member.availability,
            member.available_from, member.up_for,
            sorted((link.skill.name, link.relation) for link in member.skill_links.all()),
            sorted(membership.coop.slug for membership in member.memberships.all()),
        )
        for member in Member.objects.exclude(display_name="")
    }  # fmt: skip
    return coops, members


def test_export_then_import_gives_back_the_same_directory(client):
    staff = make_member("Sam", user_extra={"is_staff": True})
    fair = full_coop("Fair Code")
    full_coop("Open Hands")
    person = make_member(
        "Robin Example",
        email="robin@example.org",
        pronouns="she/her",
        bio="Bio *here*",
        website="https://robin.example",
        fediverse="@robin@social.coop",
        forge="https://codeberg.org/robin",
        town="Leeds",
        region="Yorkshire",
        availability="Fridays",
        available_from=date(2027, 1, 4),
        up_for=",pairing,",
    )
    give_skills(person, offers=["Django"], needs=["Kubernetes"], uses=["Emacs"])
    fair.memberships.create(member=person)
    before = snapshot_of_directory()

    client.force_login(staff.user)
    coops_csv = client.get("/coops/export.csv").content.decode()
    members_csv = client.get("/members/export.csv").content.decode()
    combined = coops_csv + members_csv.split("\n", 1)[1]  # one header

    Coop.objects.all().delete()
    get_user_model().objects.exclude(is_staff=True).delete()
    report = import_directory_csv(combined.encode(), commit=True)
    assert report.committed, list(report.lines())
    assert snapshot_of_directory() == before


def test_coop_export_runs_a_fixed_number_of_queries(client):
    def grow(count):
        for _ in range(count):
            full_coop(f"Coop {Coop.objects.count() + 1}")

    # session/user are not loaded for a visitor: 1 co-ops, 1 skill links with skills,
    # 1 in-kind offers.
    assert_query_budget(client, "/coops/export.csv", grow=grow, budget=3)


def test_member_export_runs_a_fixed_number_of_queries(client):
    client.force_login(make_member(user_extra={"is_staff": True}).user)

    def grow(count):
        coop = make_coop()
        for _ in range(count):
            member = make_member()
            give_skills(member, offers=["Django"])
            coop.memberships.create(member=member)

    # session, user, members with accounts, skill links, memberships with co-ops
    assert_query_budget(client, "/members/export.csv", grow=grow, budget=5)


def test_cells_that_look_like_formulas_are_not_run_and_come_back_as_typed(client):
    staff = make_member("Sam", user_extra={"is_staff": True})
    coop = full_coop("Hyperlink Co-op")
    Coop.objects.filter(pk=coop.pk).update(
        name="=HYPERLINK(1) Co-op", phone="+44 161 000 0000", summary="-5 days, @ home"
    )
    person = make_member("Robin", bio="'=typed with a quote", fediverse="@robin@social.coop")
    before = snapshot_of_directory()

    client.force_login(staff.user)
    coops_csv = client.get("/coops/export.csv").content.decode()
    members_csv = client.get("/members/export.csv").content.decode()
    coop_row = rows_of(coops_csv)[0]
    assert (coop_row["name"], coop_row["phone"], coop_row["summary"]) == (
        "'=HYPERLINK(1) Co-op",
        "'+44 161 000 0000",
        "'-5 days, @ home",
    )
    member_row = next(row for row in rows_of(members_csv) if row["name"] == "Robin")
    assert (member_row["about"], member_row["fediverse"]) == (
        "''=typed with a quote",
        "'@robin@social.coop",
    )

    Coop.objects.all().delete()
    get_user_model().objects.exclude(is_staff=True).delete()
    report = import_directory_csv((coops_csv + members_csv.split("\n", 1)[1]).encode(), commit=True)
    assert report.committed, list(report.lines())
    assert snapshot_of_directory() == before
    assert Member.objects.get(display_name="Robin").bio == person.bio


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))
