"""Filling the directory from the CoTech website's co-op files: import_cotech_site."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from data_io.importers.cotech_site import import_cotech_site, readable_name, split_address
from profiles.models import Coop, SkillRelation

pytestmark = pytest.mark.django_db
SITE = Path(__file__).parent / "cotech_site"


def names(coop, relation):
    return sorted(link.skill.name for link in coop.skill_links.filter(relation=relation))


def test_every_front_matter_key_and_the_body_are_read():
    report = import_cotech_site(SITE, commit=True)
    assert report.committed, list(report.lines())
    coop = Coop.objects.get(slug="agile-collective")
    assert coop.name == "Agile Collective", "name wins over title"
    assert coop.worker_count == 12
    assert coop.website == "https://agile.coop"
    assert coop.contact_email == "hello@agile.coop"
    assert coop.phone == "01865 000000"
    assert coop.address == "Unit 1, Jericho, Oxford, UK, OX2 6AE"
    assert (coop.town, coop.country) == ("Oxford", "GB")
    assert (float(coop.latitude), float(coop.longitude)) == (51.7597, -1.2678)
    assert coop.about.startswith("Agile Collective is a **worker co-operative**")
    assert "[open source](https://opensource.org)" in coop.about
    assert names(coop, SkillRelation.OFFERS) == ["Consultancy", "DevOps", "Web design"]
    assert names(coop, SkillRelation.USES) == ["Django", "Drupal", "HTML/CSS", "PostgreSQL"]
    assert coop.last_confirmed_at is None and coop.status == Coop.Status.APPROVED
    outcome = next(o for o in report.outcomes if o.where == "agile-collective.md")
    for key in ("clients", "github", "logo", "twitter"):
        assert f"{key} not imported: the directory has no field for it" in outcome.notes


def test_missing_and_empty_keys_are_fine():
    import_cotech_site(SITE, commit=True)
    coop = Coop.objects.get(slug="blake-house")
    assert coop.name == "Blake House", "title stands in for a missing name"
    assert (coop.worker_count, coop.website, coop.town) == (None, "", "Leeds")
    assert names(coop, SkillRelation.OFFERS) == []


def test_dry_run_by_default_changes_nothing(capsys):
    call_command("import_cotech_site", str(SITE))
    assert "agile-collective.md: Agile Collective: created" in capsys.readouterr().out
    assert not Coop.objects.exists()


def test_reimport_updates_rather_than_duplicates():
    import_cotech_site(SITE, commit=True)
    report = import_cotech_site(SITE, commit=True)
    assert report.count("unchanged") == 2
    assert Coop.objects.count() == 2


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"just prose, no front matter\n", "no YAML front matter"),
        (b"---\nname: [unclosed\n---\nbody\n", "not valid YAML"),
        (b"---\nname: Broken\nlatitude: north-ish\n---\n", "latitude"),
        (b"---\nname: Broken\nemail: nobody-at-all\n---\n", "email"),
        (b"---\nwebsite: https://x.coop\n---\n", "name is missing"),
        ("---\nname: Caf\xe9\n---\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_a_bad_file_is_reported_by_name_and_nothing_is_imported(tmp_path, content, reason):
    folder = tmp_path / "coops"
    shutil.copytree(SITE, folder)
    (folder / "zz-broken.md").write_bytes(content)
    report = import_cotech_site(folder, commit=True)
    assert not report.committed
    [rejected] = report.rejected
    assert rejected.where == "zz-broken.md"
    assert any(reason in note for note in rejected.notes), rejected.notes
    assert not Coop.objects.exists(), "all or nothing"


def test_the_command_refuses_a_folder_without_files(tmp_path):
    with pytest.raises(CommandError):
        call_command("import_cotech_site", str(tmp_path), "--commit")


@pytest.mark.parametrize(
    ("slug", "name"),
    [("django-2", "Django"), ("web-design", "Web design"), ("htmlcss", "HTML/CSS")],
)
def test_slugs_become_readable_names(slug, name):
    assert readable_name(slug) == name


@pytest.mark.parametrize(
    ("address", "town", "country"),
    [
        ("1 Main St, Hulme, Manchester, UK, M15 5RF", "Manchester", "GB"),
        ("Leeds, England", "Leeds", "GB"),
        ("Cardiff", "Cardiff", ""),
        ("12 Lane, SW1A 1AA", "", ""),
    ],
)
def test_town_and_country_come_out_of_the_address(address, town, country):
    assert split_address(address) == (town, country)


def test_a_yaml_alias_bomb_is_refused_by_name_without_expanding(tmp_path):
    """318 bytes of nested aliases would expand to hundreds of megabytes once read."""
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    folder = tmp_path / "coops"
    folder.mkdir()
    (folder / "bomb.md").write_text("---\nname: Bomb\n" + "\n".join(levels) + "\n---\nText\n")
    shutil.copy(SITE / "agile-collective.md", folder)
    report = import_cotech_site(folder, commit=False)
    bomb = next(outcome for outcome in report.outcomes if outcome.where == "bomb.md")
    assert bomb.action == "rejected"
    assert any("more than 10 YAML aliases" in note for note in bomb.notes)
    agile = next(outcome for outcome in report.outcomes if outcome.where == "agile-collective.md")
    assert agile.action == "created"


def test_a_few_yaml_aliases_are_read_as_usual(tmp_path):
    folder = tmp_path / "coops"
    folder.mkdir()
    (folder / "aliases.md").write_text(
        "---\nname: Aliased\ntechnologies: &tools [django, postgresql]\nservices: *tools\n---\n"
    )
    report = import_cotech_site(folder, commit=True)
    assert report.committed, list(report.lines())
    coop = Coop.objects.get(slug="aliases")
    assert names(coop, SkillRelation.USES) == ["Django", "PostgreSQL"]
