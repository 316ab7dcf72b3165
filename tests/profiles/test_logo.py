"""A co-op's logo: uploaded by its admins, checked, shown on its page and served safely."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from profiles.models import Coop

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def image_file(name="logo.png", image_format="PNG", size=(40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format}")


def edit_data(coop, **extra):
    data = {
        "name": coop.name,
        "summary": coop.summary,
        "country": "GB",
        "contact_email_visibility": "members",
        "phone_visibility": "members",
        "chat_visibility": "members",
        "address_visibility": "admins",
        "office-TOTAL_FORMS": "0",
        "office-INITIAL_FORMS": "0",
        "inkind-TOTAL_FORMS": "0",
        "inkind-INITIAL_FORMS": "0",
    }
    data.update(extra)
    return data


def test_an_admin_uploads_a_logo_that_the_page_shows_and_the_site_serves(cast, client_as):
    client = client_as(cast.owner.user)
    response = client.post(
        f"/coops/{cast.coop.slug}/edit/", edit_data(cast.coop, logo=image_file())
    )
    assert response.status_code == 302, response.context["form"].errors
    cast.coop.refresh_from_db()
    assert cast.coop.logo.name.startswith(f"logos/{cast.coop.slug}-")
    page = client.get(f"/coops/{cast.coop.slug}/").content.decode()
    assert f'src="{cast.coop.logo.url}"' in page and 'alt="Owner Co-op logo"' in page
    served = client.get(cast.coop.logo.url)
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert "immutable" in served["Cache-Control"]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", "image/png"), "valid image"),
        (image_file("logo.gif", "GIF"), "PNG, JPEG or WebP"),
        (None, None),
    ],
)
def test_a_bad_logo_is_refused_with_a_message_and_nothing_saved(cast, client_as, upload, message):
    client = client_as(cast.owner.user)
    if message is None:
        # A real PNG of noise, which does not compress: about 1.9 MB.
        buffer = io.BytesIO()
        Image.frombytes("RGB", (800, 800), os.urandom(800 * 800 * 3)).save(buffer, "PNG")
        upload = SimpleUploadedFile("big.png", buffer.getvalue(), "image/png")
        message = "larger than 1 MB"
    response = client.post(
        f"/coops/{cast.coop.slug}/edit/",
        edit_data(cast.coop, summary="Kept summary", logo=upload),
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'value="Kept summary"' in response.content.decode()
    cast.coop.refresh_from_db()
    assert not cast.coop.logo and cast.coop.summary != "Kept summary"


@pytest.mark.parametrize(
    "path",
    [
        "/media/../settings.py",
        "/media/logos/x.svg",
        "/media/other/a.png",
        "/media/logos/missing.png",
    ],
)
def test_only_existing_logo_images_are_served(client, path):
    assert client.get(path).status_code == 404


def test_others_cannot_change_the_logo(cast, client_as):
    response = client_as(cast.other_admin.user).post(
        f"/coops/{cast.coop.slug}/edit/", edit_data(cast.coop, logo=image_file())
    )
    assert response.status_code in (403, 404)
    assert not Coop.objects.get(pk=cast.coop.pk).logo
