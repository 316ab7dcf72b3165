"""E-mail the champions and founder of each cell going quiet, once per quiet spell. Run daily."""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.utils import timezone

from meetups import services

MESSAGE = """Hello,

{cell} has had no meetup for three months and none is scheduled.
Cells stay alive by meeting: could you schedule the next one?

{link}

CoTech Directory
"""


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
                if emails:
                    send_mail(
                        f"[CoTech Directory] {cell.name} is going quiet",
                        MESSAGE.format(
                            cell=cell.name, link=settings.SITE_URL + cell.get_absolute_url()
                        ),
                        None,
                        emails,
                    )

            if not services.remind_quiet_cell(cell, now, send):
                continue  # another run reminded this cell meanwhile
            self.stdout.write(f"{cell.name}: e-mailed {', '.join(emails) or 'nobody'}")
        self.stdout.write(f"{'Would remind' if dry_run else 'Reminded'} {len(due)} cells.")
