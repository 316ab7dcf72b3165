"""The demo login that every part of the demo network hangs off."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

DEMO_EMAIL = "demo@cotech.example"
DEMO_PASSWORD = "cotech-demo-2016"  # noqa: S105 -- published on purpose: the demo login


def demo_user():
    """The verified account people use to try the site; created once, password reset each run."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(
        username="demo", defaults={"email": DEMO_EMAIL, "first_name": "Demo"}
    )
    user.email = DEMO_EMAIL
    user.set_password(DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=DEMO_EMAIL, defaults={"verified": True, "primary": True}
    )
    return user
