import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cotech_directory.demo import DEMO_EMAIL, DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_its_login_works(client):
    call_command("seed_demo")
    counts = {model: model.objects.count() for model in (get_user_model(),)}
    call_command("seed_demo")
    assert {model: model.objects.count() for model in counts} == counts
    response = client.post("/accounts/login/", {"login": DEMO_EMAIL, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_seed_demo_if_empty_leaves_an_existing_database_alone(capsys):
    get_user_model().objects.create_user("someone", "someone@example.org", "x")
    call_command("seed_demo", "--if-empty")
    assert not get_user_model().objects.filter(email=DEMO_EMAIL).exists()
    assert "Demo login" in capsys.readouterr().out
