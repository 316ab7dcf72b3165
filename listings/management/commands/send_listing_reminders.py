"""E-mail authors a week before their listings expire, once per listing per expiry date."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from core import mail
from listings.models import Listing

REMIND_DAYS_BEFORE = 7


class Command(BaseCommand):
    help = (
        "E-mail the authors of open listings that expire within a week, with a link to "
        "renew; each listing is reminded once per expiry date. Run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be e-mailed; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        due = (
            Listing.objects.open()
            .filter(expires_on__lte=today + timedelta(days=REMIND_DAYS_BEFORE))
            .filter(Q(reminded_for_expiry=None) | ~Q(reminded_for_expiry=F("expires_on")))
            .select_related("author__user")
            .order_by("expires_on", "pk")
        )
        sent = 0
        for listing in due:
            email = listing.author.user.email
            if not email or not listing.author.user.is_active:
                continue
            if dry_run:
                self.stdout.write(f"Would remind {email} about listing {listing.pk}: {listing}")
                continue
            # Claiming first means two overlapping runs never send the same reminder twice.
            if not listing.claim_reminder():
                continue
            self._send(listing, email)
            sent += 1
        if not dry_run:
            self.stdout.write(f"Sent {sent} listing reminder{'s' if sent != 1 else ''}.")

    def _send(self, listing, email):
        mail.send(
            "listings/emails/listing_expiring",
            {
                "listing": listing,
                "renew_url": mail.absolute_url(
                    reverse("listings:listing-renew", args=[listing.pk])
                ),
                "url": mail.absolute_url(listing.get_absolute_url()),
            },
            [email],
        )
