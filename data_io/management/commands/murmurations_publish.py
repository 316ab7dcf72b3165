"""python manage.py murmurations_publish [--dry-run]: tell the Murmurations index what changed."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from data_io.murmurations import IndexUnavailable, publish


class Command(BaseCommand):
    help = (
        "Send the URL of every new or changed public co-op and listing profile to the "
        "Murmurations index named by MURMURATIONS_INDEX_URL (off when that is empty)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")

    def handle(self, *args, dry_run=False, **options):
        if not settings.MURMURATIONS_INDEX_URL:
            self.stdout.write("MURMURATIONS_INDEX_URL is not set: publishing is off.")
            return
        try:
            done = publish(settings.MURMURATIONS_INDEX_URL, dry_run=dry_run)
        except IndexUnavailable as error:
            raise CommandError(str(error)) from error
        for url, action in done:
            self.stdout.write(f"{'would send' if dry_run else 'sent'} {action}: {url}")
        self.stdout.write(f"{len(done)} profile(s) {'to send' if dry_run else 'sent'}.")
