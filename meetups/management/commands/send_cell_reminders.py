"""E-mail the champions and founder of each cell going quiet, once per quiet spell. Run daily."""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from meetups.models import Cell, FounderTerm

MESSAGE = """Hello,

{cell} has had no meetup for three months and none is scheduled.
Cells stay alive by meeting: could you schedule the next one?

{link}

CoTech Directory
"""


def recipients(cell):
    """Champions and the current founder, by address (one person once)."""
    emails = {member.user.email for member in cell.champions.all() if member.user.is_active}
    for term in cell.founder_terms.all():
        if term.status == FounderTerm.Status.SERVING and term.member.user.is_active:
            emails.add(term.member.user.email)
    return sorted(email for email in emails if email)


class Command(BaseCommand):
    help = "E-mail the champions and current founder of every quiet cell, once per quiet spell."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be e-mailed; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        # A spell ends when a meetup starts after the last reminder, so a cell reminded
        # before its latest meetup is due a new reminder once it goes quiet again.
        due = (
            Cell.objects.quiet(now)
            .with_last_meetup()
            .filter(Q(quiet_reminded_at=None) | Q(last_meetup_at__gt=F("quiet_reminded_at")))
            .prefetch_related("champions__user", "founder_terms__member__user")
        )
        for cell in due:
            emails = recipients(cell)
            if dry_run:
                self.stdout.write(f"{cell.name}: would e-mail {', '.join(emails) or 'nobody'}")
                continue
            link = settings.SITE_URL + cell.get_absolute_url()
            with transaction.atomic():
                locked = Cell.objects.select_for_update().get(pk=cell.pk)
                if locked.quiet_reminded_at != cell.quiet_reminded_at:
                    continue  # another run reminded this cell meanwhile
                if emails:
                    send_mail(
                        f"[CoTech Directory] {cell.name} is going quiet",
                        MESSAGE.format(cell=cell.name, link=link),
                        None,
                        emails,
                    )
                locked.quiet_reminded_at = now
                locked.save(update_fields=["quiet_reminded_at"])
            self.stdout.write(f"{cell.name}: e-mailed {', '.join(emails) or 'nobody'}")
        self.stdout.write(f"{'Would remind' if dry_run else 'Reminded'} {len(due)} cells.")
