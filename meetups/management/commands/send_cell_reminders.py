"""E-mail the champions and founder of each cell going quiet, once per quiet spell. Run daily."""

import logging

from django.core.management.base import BaseCommand
from django.utils import timezone

from meetups import services
from meetups.notifications import tell_quiet_cell

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "E-mail the champions and current founder of every quiet cell, once per quiet spell."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be e-mailed; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        due = services.cells_due_a_quiet_reminder(now)
        for cell in due:
            emails = services.quiet_reminder_recipients(cell)
            if dry_run:
                self.stdout.write(f"{cell.name}: would e-mail {', '.join(emails) or 'nobody'}")
                continue

            def send(cell=cell, emails=emails):
                tell_quiet_cell(cell, emails)

            try:
                reminded = services.remind_quiet_cell(cell, now, send)
            except Exception:
                logger.exception("Could not remind quiet cell %s; it stays due", cell.slug)
                raise
            if not reminded:
                continue  # another run reminded this cell meanwhile
            self.stdout.write(f"{cell.name}: e-mailed {', '.join(emails) or 'nobody'}")
        self.stdout.write(f"{'Would remind' if dry_run else 'Reminded'} {len(due)} cells.")
