"""Small factory functions with sensible defaults. Each feature adds its own here."""

import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

PASSWORD = "a-long-test-passphrase-42"
_sequence = itertools.count(1)


def make_user(email=None, *, verified=True, password=PASSWORD, **extra):
    """A user who can sign in with `email` and PASSWORD (verified unless told otherwise)."""
    email = email or f"person{next(_sequence)}@example.org"
    user = get_user_model().objects.create_user(
        username=email.split("@")[0] + str(next(_sequence)), email=email, password=password, **extra
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user
