"""Record the meetups that have taken place and rotate their cells' founders. Run daily."""

import logging
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from meetups import services
from meetups.models import Meetup, MeetupError
from meetups.notifications import tell_proposed_founder

logger = logging.getLogger(__name__)

# Organisers have this long after a meetup to cancel it (it did not happen) or
# record it themselves before the command takes it as held.
GRACE = timedelta(days=2)


class Command(BaseCommand):
    help = (
        "Mark meetups that ended more than two days ago, and were neither cancelled nor "
        "recorded, as held; each cell's next founder is then asked. --dry-run lists them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, change nothing.")

    def handle(self, *args, dry_run=False, **options):
        past = (
            Meetup.objects.filter(
                status=Meetup.Status.SCHEDULED, ends_at__lt=timezone.now() - GRACE
            )
            .select_related("cell")
            .order_by("ends_at", "pk")
        )
        count = 0
        for meetup in past:
            where = meetup.cell.name if meetup.cell else "national gathering"
            if dry_run:
                self.stdout.write(f"would record {meetup.title} ({where}) as held")
                count += 1
                continue
            try:
                term = services.record_meetup_held(meetup)
            except MeetupError:
                continue  # recorded or cancelled by an organiser meanwhile
            try:
                tell_proposed_founder(None, term)
            except Exception:
                logger.exception(
                    "Recorded meetup %s as held but could not e-mail the founder asked", meetup.pk
                )
                raise
            asked = f"; {term.member} asked to be founder" if term else ""
            self.stdout.write(f"recorded {meetup.title} ({where}) as held{asked}")
            count += 1
        self.stdout.write(f"{count} meetup(s) {'to record' if dry_run else 'recorded'}.")
