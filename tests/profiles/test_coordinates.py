"""Coordinates as geocoders and map apps give them are kept, rounded to the stored six places."""

import re
from decimal import Decimal

import pytest

from data_io.importers.directory_csv import import_directory_csv
from profiles.models import Coop
from tests.factories import make_coop, make_member
from tests.forms import submitted_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def edit(client):
    admin = make_member("Sam")
    coop = make_coop("Outlandish", admins=[admin], latitude="53.480000", longitude="-2.240000")
    client.force_login(admin.user)
    page = client.get(f"/coops/{coop.slug}/edit/")

    def post(**values):
        data = submitted_form(page.content, containing="latitude")
        data.update(values)
        return client.post(f"/coops/{coop.slug}/edit/", data)

    post.page = page.content.decode()
    post.coop = coop
    return post


def test_a_pasted_seventeen_decimal_coordinate_is_kept_rounded(edit):
    response = edit(latitude="53.79648312345678901", longitude="-1.547852500000000")
    assert response.status_code == 302
    edit.coop.refresh_from_db()
    assert (edit.coop.latitude, edit.coop.longitude) == (Decimal("53.796483"), Decimal("-1.547852"))


def test_the_browser_is_not_told_to_refuse_more_decimals(edit):
    for name in ("latitude", "longitude"):
        box = re.search(rf'<input[^>]*name="{name}"[^>]*>', edit.page)[0]
        assert 'step="any"' in box, box


def test_a_coordinate_off_the_globe_is_still_refused_beside_the_field(edit):
    response = edit(latitude="91.5")
    assert response.status_code == 200
    assert "less than or equal to 90" in response.content.decode()
    edit.coop.refresh_from_db()
    assert edit.coop.latitude == Decimal("53.480000")


def test_a_geocoded_csv_row_imports_rounded_instead_of_blocking_the_file():
    csv = (
        "type,name,slug,latitude,longitude\n"
        "coop,Geocoded,geocoded,53.79648312345678901,-1.54785212345678\n"
        "coop,Plain,plain,51.5,-0.12\n"
    )
    report = import_directory_csv(csv.encode(), commit=True)
    assert report.committed, list(report.lines())
    coop = Coop.objects.get(slug="geocoded")
    assert (coop.latitude, coop.longitude) == (Decimal("53.796483"), Decimal("-1.547852"))
