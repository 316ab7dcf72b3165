"""Filling the directory from the network's spreadsheet: import_directory."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from data_io.importers.directory_csv import import_directory_csv
from profiles.models import Coop, Member, Membership, SkillRelation
from tests.factories import make_coop, make_member

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).parent / "sample_directory.csv"
HEADER = "type,name,slug,email,website,latitude,tech_skills_offered\n"


def run(text, commit=True):
    return import_directory_csv(text.encode() if isinstance(text, str) else text, commit=commit)


def offered(profile):
    return sorted(
        link.skill.name for link in profile.skill_links.filter(relation=SkillRelation.OFFERS)
    )


def test_the_sample_file_imports_every_column():
    report = run(SAMPLE.read_bytes())
    assert report.ok and report.committed, list(report.lines())
    agile = Coop.objects.get(slug="agile-collective")
    assert (agile.name, agile.summary, agile.website) == (
        "Agile Collective",
        "Web development co-op in Oxford",
        "https://agile.coop",
    )
    assert agile.about == "We build **accessible** websites."
    assert (agile.contact_email, agile.phone, agile.chat) == (
        "hello@agile.coop",
        "01865 000000",
        "#agile:matrix.org",
    )
    assert (agile.town, agile.region, agile.country) == ("Oxford", "South East", "GB")
    assert (float(agile.latitude), float(agile.longitude)) == (51.752, -1.2577)
    assert (agile.founded_year, agile.worker_count, agile.legal_form) == (2009, 12, "worker-coop")
    assert offered(agile) == ["Accessibility", "Django", "Drupal", "Facilitation"]
    needed = agile.skill_links.filter(relation=SkillRelation.NEEDS)
    assert sorted(link.skill.name for link in needed) == ["Bookkeeping", "Kubernetes"]
    tools = agile.skill_links.filter(relation=SkillRelation.USES)
    assert sorted(link.skill.name for link in tools) == ["Loomio", "Nextcloud"]
    assert agile.up_for_values == ["mentoring", "speaking"]
    assert agile.up_for_other == "Pub quizzes"
    assert sorted(agile.in_kind_offers.values_list("title", flat=True)) == [
        "Legal advice",
        "Meeting room",
    ]
    assert agile.status == Coop.Status.APPROVED
    assert agile.last_confirmed_at is None, "imported profiles start unconfirmed"

    sam = Member.objects.get(user__email="sam@example.org")
    assert (sam.display_name, sam.pronouns, sam.bio) == (
        "Sam Example",
        "they/them",
        "I write Django and run workshops.",
    )
    assert (sam.fediverse, sam.forge, sam.availability) == (
        "@sam@social.coop",
        "https://codeberg.org/sam",
        "Two days a month",
    )
    assert str(sam.available_from) == "2026-12-01"
    assert offered(sam) == ["Django", "Facilitation", "Python"]
    assert Membership.objects.filter(member=sam, coop=agile).exists()
    assert sam.last_confirmed_at is None
    assert not sam.user.has_usable_password()


def test_a_dry_run_changes_nothing_and_says_what_would_happen(capsys):
    call_command("import_directory", str(SAMPLE))
    output = capsys.readouterr().out
    assert "line 2: Agile Collective: created" in output
    assert "Dry run" in output
    assert not Coop.objects.exists()
    assert not get_user_model().objects.exists()


def test_one_bad_row_means_nothing_is_imported():
    report = run(
        HEADER
        + "coop,Good Co-op,good,hello@good.coop,https://good.coop,51.5,Django\n"
        + "coop,Bad Co-op,bad,not-an-email,https://bad.coop,51.5,\n"
    )
    assert not report.committed
    [rejected] = report.rejected
    assert rejected.where == "line 3"
    assert any("email" in note for note in rejected.notes)
    assert not Coop.objects.exists()


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("coop,,nameless,,,,", "name is missing"),
        ("coop,Broken Site,broken,,not a url,,", "website"),
        ("coop,Far Away,far,,,123.4,", "latitude"),
        ("shop,Mystery,mystery,,,,", "type must be"),
        ("member,No Mail,,,,,", "email is missing"),
    ],
)
def test_bad_rows_are_reported_with_their_line(row, reason):
    report = run(HEADER + row + "\n")
    [rejected] = report.rejected
    assert rejected.where == "line 2"
    assert any(reason in note for note in rejected.notes), rejected.notes
    assert not Coop.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_whole():
    report = run(HEADER.encode() + "coop,Café,cafe,,,,\n".encode("latin-1"))
    assert not report.ok
    assert "not UTF-8" in report.problems[0]
    assert not Coop.objects.exists()


def test_the_command_fails_loudly_on_a_refused_import(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "coop,,x,,,,\n")
    with pytest.raises(CommandError):
        call_command("import_directory", str(bad), "--commit")


def test_reimporting_updates_instead_of_duplicating():
    run(SAMPLE.read_bytes())
    report = run(SAMPLE.read_bytes())
    assert report.count("unchanged") == 3, list(report.lines())
    assert Coop.objects.count() == 2
    assert Member.objects.count() == 1

    changed = SAMPLE.read_text().replace("Web development co-op in Oxford", "Web co-op from Oxford")
    report = run(changed)
    assert report.count("updated") == 1
    assert Coop.objects.get(slug="agile-collective").summary == "Web co-op from Oxford"


def test_a_value_edited_on_the_site_is_kept_and_the_report_says_so():
    run(SAMPLE.read_bytes())
    agile = Coop.objects.get(slug="agile-collective")
    agile.summary = "Edited by the co-op itself"
    agile.save()
    report = run(SAMPLE.read_text().replace("Web development co-op in Oxford", "Newer text"))
    agile.refresh_from_db()
    assert agile.summary == "Edited by the co-op itself"
    outcome = next(o for o in report.outcomes if o.label == "Agile Collective")
    assert "kept summary: it was changed on the site" in outcome.notes


def test_an_existing_profile_made_on_the_site_is_matched_not_duplicated():
    make_coop("Agile Collective", slug="agile-collective", summary="Our own words")
    owner = make_member("Sam", email="sam@example.org")
    report = run(SAMPLE.read_bytes())
    assert report.committed
    assert Coop.objects.filter(slug="agile-collective").count() == 1
    assert Coop.objects.get(slug="agile-collective").summary == "Our own words"
    owner.refresh_from_db()
    assert owner.display_name == "Sam"
    assert owner.pronouns == "they/them", "empty fields are filled in"


def test_headers_are_matched_leniently_and_unknown_ones_reported():
    report = run(
        "  TYPE ,Co-op name,E-mail address,Tech Skills,Favourite colour\n"
        "coop,Lenient Co-op,hi@lenient.coop,Django,green\n"
    )
    assert report.committed
    coop = Coop.objects.get(slug="lenient-co-op")
    assert coop.contact_email == "hi@lenient.coop"
    assert offered(coop) == ["Django"]
    assert report.notices == ["unknown column “Favourite colour” was not imported"]


def test_a_member_naming_an_unknown_coop_is_rejected():
    report = run("type,name,email,coops\nmember,Kim,kim@example.org,nowhere\n")
    [rejected] = report.rejected
    assert "no co-op with the slug “nowhere”" in rejected.notes[0]


def upload(client, content, commit=False):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"file": SimpleUploadedFile("directory.csv", content, content_type="text/csv")}
    if commit:
        data["commit"] = "on"
    return client.post("/steering/import/", data)


def test_staff_upload_a_dry_run_then_commit(client):
    client.force_login(make_member(user_extra={"is_staff": True}).user)
    response = upload(client, SAMPLE.read_bytes())
    assert response.status_code == 200
    assert "Dry run" in response.text and "Agile Collective" in response.text
    assert not Coop.objects.exists()
    response = upload(client, SAMPLE.read_bytes(), commit=True)
    assert "Imported" in response.text
    assert Coop.objects.count() == 2


def test_staff_upload_shows_rejected_rows_and_changes_nothing(client):
    client.force_login(make_member(user_extra={"is_staff": True}).user)
    response = upload(client, (HEADER + "coop,,x,,,,\n").encode(), commit=True)
    assert "Nothing was changed" in response.text and "name is missing" in response.text
    assert not Coop.objects.exists()


def test_the_upload_form_explains_a_missing_file(client):
    client.force_login(make_member(user_extra={"is_staff": True}).user)
    response = client.post("/steering/import/", {})
    assert "This field is required" in response.text


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_only_staff_may_import(client, role):
    if role == "member":
        client.force_login(make_member().user)
    response = upload(client, SAMPLE.read_bytes(), commit=True)
    assert response.status_code == 302
    assert not Coop.objects.exists()
