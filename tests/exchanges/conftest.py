import pytest
from django.test import override_settings


@pytest.fixture(autouse=True)
def quick_passwords():
    """Each cast makes several accounts; a slow password hash would dominate these tests."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield
