"""The site as a whole: layout, security headers, health check, settings."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def test_home_page_has_layout_navigation_and_skip_link(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert 'href="#main"' in html and 'id="main"' in html
    for label in ("Directory", "Needs &amp; offers", "Exchanges", "Cells &amp; meetups", "Sign in"):
        assert label in html
    assert '<meta name="viewport"' in html


def test_signed_in_layout_offers_account_and_sign_out(client):
    client.force_login(make_user())
    html = client.get("/").text
    assert "My profile" in html and "Sign out" in html and "Sign in</a>" not in html


@pytest.mark.parametrize(
    "url", ["/", "/accounts/login/", "/accounts/signup/", "/coops/", "/no-such-page/"]
)
def test_every_html_response_has_a_strict_csp(client, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_carry_no_inline_script_or_style(client):
    html = client.get("/accounts/login/").text + client.get("/").text
    assert "<script>" not in html and "<style" not in html and " style=" not in html


def test_healthz_is_ok_while_the_database_answers(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}


def test_healthz_is_unavailable_when_the_database_does_not_answer(client):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("gone")):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def run_django(env_overrides, code="import django; django.setup(); print('started')"):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    env.update(env_overrides, DJANGO_SETTINGS_MODULE="cotech_directory.settings")
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_django({})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_starts_with_a_secret_key():
    result = run_django({"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org"})
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_a_malformed_boolean_stops_start_up_naming_the_variable():
    result = run_django({"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_production_settings_are_secure():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS > 0, s.SECURE_REFERRER_POLICY)"
    )
    result = run_django({"SECRET_KEY": "x" * 60}, code)
    assert result.stdout.split() == ["True", "True", "True", "True", "same-origin"]


@pytest.mark.parametrize(
    ("cache_url", "engine"),
    [
        ("", "django.contrib.sessions.backends.db"),
        ("redis://127.0.0.1:6379/0", "django.contrib.sessions.backends.cached_db"),
    ],
)
def test_sessions_are_never_kept_in_one_process_only(cache_url, engine):
    """Read through the shared cache when there is one; otherwise from the database."""
    code = "import django; django.setup(); from django.conf import settings as s; "
    code += "print(s.SESSION_ENGINE, s.CACHES['default']['BACKEND'])"
    result = run_django({"SECRET_KEY": "x" * 60, "CACHE_URL": cache_url}, code)
    session_engine, cache_backend = result.stdout.split()
    assert session_engine == engine
    assert "locmem" not in cache_backend or engine.endswith(".db")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("old", "new"),
    [("/staff/import/", "/steering/import/"), ("/quiet-cells/", "/steering/quiet-cells/")],
)
def test_staff_pages_moved_under_steering_and_their_old_addresses_redirect(client, old, new):
    response = client.get(old + "?page=2&q=leeds")
    assert response.status_code == 301
    assert response["Location"] == new + "?page=2&q=leeds"
    assert client.get(old)["Location"] == new
    client.force_login(make_user(is_staff=True))
    assert client.get(new).status_code == 200
