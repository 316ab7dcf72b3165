"""Fill the database with a small, realistic network to try the site with. Safe to re-run."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

import exchanges.demo
import listings.demo
import meetups.demo
import profiles.demo
from cotech_directory.demo import DEMO_EMAIL, DEMO_PASSWORD, demo_user

# Each app with demo data offers `<app>.demo.seed(demo_user)`. Order matters:
# exchanges and meetups build on the profiles.
SEEDERS = [
    profiles.demo.seed,
    listings.demo.seed,
    exchanges.demo.seed,
    meetups.demo.seed,
]


class Command(BaseCommand):
    help = "Create a small demo network with a verified demo login. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has accounts (what `make run` uses).",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and get_user_model().objects.exists():
            self.stdout.write("The database already has accounts: demo data left as it is.")
        else:
            with transaction.atomic():
                user = demo_user()
                for seed in SEEDERS:
                    seed(user)
            self.stdout.write(self.style.SUCCESS("Demo network ready."))
        self.stdout.write(f"Demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}")
