from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from profiles.models import Member


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="profiles-member-per-user")
def give_every_account_a_profile(sender, instance, created, raw=False, **kwargs):
    """Every account gets a Member profile; it is listed once it has a display name."""
    if created and not raw:
        Member.objects.get_or_create(user=instance)
