"""Accounts through allauth: e-mail only, verified before first sign-in."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import PASSWORD, make_user
from tests.helpers import link_in

pytestmark = pytest.mark.django_db


def sign_up(client, email="new@example.coop", password="sturdy-coop-passphrase-7"):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": password, "password2": password}
    )


def test_sign_up_page_asks_for_email_not_username(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert 'name="email"' in response.text
    assert 'name="username"' not in response.text


def test_sign_up_sends_a_verification_mail_and_does_not_sign_in(client, mailoutbox):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(email="new@example.coop")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["new@example.coop"]
    assert "_auth_user_id" not in client.session


def test_following_the_verification_link_verifies_the_address(client, mailoutbox):
    sign_up(client)
    link = link_in(mailoutbox[0].body, "/accounts/confirm-email/")
    response = client.post(link.replace("http://testserver", ""))
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new@example.coop").verified


def test_sign_up_keeps_the_email_and_explains_a_bad_password(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.coop", "password1": "short", "password2": "short"},
    )
    assert response.status_code == 200
    assert 'value="new@example.coop"' in response.text
    assert "too short" in response.text
    assert not get_user_model().objects.exists()


def test_unverified_user_cannot_sign_in(client, mailoutbox):
    make_user("waiting@example.coop", verified=False)
    response = client.post(
        reverse("account_login"), {"login": "waiting@example.coop", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert len(mailoutbox) == 1


def test_verified_user_signs_in_and_out(client):
    user = make_user("member@example.coop")
    response = client.post(
        reverse("account_login"), {"login": "member@example.coop", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_wrong_password_is_refused_with_a_message(client):
    make_user("member@example.coop")
    response = client.post(
        reverse("account_login"), {"login": "member@example.coop", "password": "wrong-guess"}
    )
    assert response.status_code == 200
    assert "not correct" in response.text
    assert "_auth_user_id" not in client.session


def test_password_reset_by_emailed_link(client, mailoutbox):
    user = make_user("forgetful@example.coop")
    response = client.post(reverse("account_reset_password"), {"email": "forgetful@example.coop"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    link = link_in(mailoutbox[0].body, "/accounts/password/reset/key/").replace(
        "http://testserver", ""
    )
    # allauth moves the key into the session and redirects to a key-less URL.
    response = client.get(link)
    assert response.status_code == 302
    form_url = response["Location"]
    response = client.post(
        form_url, {"password1": "brand-new-passphrase-9", "password2": "brand-new-passphrase-9"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("brand-new-passphrase-9")


def test_password_change_for_a_signed_in_member(client):
    user = make_user("member@example.coop")
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "brand-new-passphrase-9",
            "password2": "brand-new-passphrase-9",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("brand-new-passphrase-9")


def test_sign_in_by_emailed_code(client, mailoutbox):
    user = make_user("coded@example.coop")
    response = client.post(reverse("account_request_login_code"), {"email": "coded@example.coop"})
    assert response.status_code == 302
    code = next(
        line.strip()
        for line in mailoutbox[0].body.splitlines()
        if line.strip() and line.strip().replace("-", "").isalnum() and len(line.strip()) <= 9
    )
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_members_only_page_sends_a_visitor_to_sign_in(client):
    response = client.get(reverse("profiles:me"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_repeated_failed_sign_ins_lock_the_account_for_a_while(client):
    make_user("member@example.coop")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "member@example.coop", "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": "member@example.coop", "password": PASSWORD}
    )
    assert "Too many failed login attempts" in response.text
    assert "_auth_user_id" not in client.session
