"""E-mail the owners of stale profiles, at most once per reminder interval. Safe to run daily."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from profiles import emails
from profiles.models import Coop, Member


def due(queryset, now):
    """Stale profiles nobody has been reminded about within the interval."""
    last_due = now - timedelta(days=settings.REMINDER_INTERVAL_DAYS)
    return queryset.stale().filter(Q(last_reminded_at=None) | Q(last_reminded_at__lt=last_due))


class Command(BaseCommand):
    help = (
        "E-mail owners of stale profiles (a member; for a co-op each of its admins) a link "
        "to review them, never twice within REMINDER_INTERVAL_DAYS. Safe to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be e-mailed; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        sent = 0
        for member in due(Member.objects.listed().select_related("user"), now).order_by("pk"):
            sent += self._remind(member, [member.user.email], dry_run, now)
        for coop in due(Coop.objects.exclude(status=Coop.Status.REFUSED), now).order_by("pk"):
            sent += self._remind(coop, coop.admin_emails(), dry_run, now)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(f"{verb} {sent} reminder{'s' if sent != 1 else ''}.")

    def _remind(self, profile, recipients, dry_run, now):
        """One profile's reminder; the row lock makes two overlapping runs send it once."""
        recipients = [address for address in recipients if address]
        if not recipients:
            return 0
        label = f"{profile._meta.verbose_name} {profile}"
        if dry_run:
            self.stdout.write(f"{label}: {', '.join(recipients)}")
            return len(recipients)
        with transaction.atomic():
            locked = due(type(profile).objects.select_for_update(), now).filter(pk=profile.pk)
            if locked.first() is None:
                return 0
            if isinstance(profile, Coop):
                emails.send_coop_reminder(profile, recipients)
            else:
                emails.send_member_reminder(profile)
            type(profile).objects.filter(pk=profile.pk).update(last_reminded_at=now)
        self.stdout.write(f"{label}: reminded {', '.join(recipients)}")
        return len(recipients)
