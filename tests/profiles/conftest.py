import pytest
from django.test import override_settings


@pytest.fixture(autouse=True)
def fast_password_hashing():
    """Every test here makes several accounts: hash their passwords cheaply."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield
