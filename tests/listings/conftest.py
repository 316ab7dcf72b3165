import pytest


@pytest.fixture(autouse=True)
def quick_passwords(settings):
    """Every test here makes the six role accounts: hash their passwords cheaply."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
