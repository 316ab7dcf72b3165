"""The Sites row names this site (issue 13): no e-mail says "example.com"."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core import mail
from django.core.management import call_command

from cotech_directory.account import user_display
from cotech_directory.sites import SITE_NAME


@pytest.mark.django_db
def test_after_migrate_the_site_row_follows_site_url(settings):
    settings.SITE_URL = "https://directory.cotech.coop"
    call_command("migrate", verbosity=0)
    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("directory.cotech.coop", SITE_NAME)


@pytest.mark.django_db
def test_the_sign_up_email_names_the_site_not_example_com(client, settings):
    settings.SITE_URL = "https://directory.cotech.coop"
    call_command("migrate", verbosity=0)
    response = client.post(
        "/accounts/signup/",
        {
            "email": "ana@example.org",
            "password1": "a long pass phrase 42",
            "password2": "a long pass phrase 42",
        },
    )
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert "example.com" not in message.subject + message.body
    assert SITE_NAME in message.subject + message.body
    username = get_user_model().objects.get(email="ana@example.org").username
    assert f"user {username} " not in message.body, "nobody knows their internal username"
    assert "ana@example.org has given your email address" in message.body


@pytest.mark.django_db
def test_allauth_names_people_by_their_display_name_or_email():
    user = get_user_model().objects.create(username="newcomer1", email="ana@example.org")
    assert user_display(user) == "ana@example.org"
    user.member.display_name = "Ana Núñez"
    user.member.save()
    assert user_display(get_user_model().objects.get(pk=user.pk)) == "Ana Núñez"
