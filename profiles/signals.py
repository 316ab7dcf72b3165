from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from profiles.models import CoopSkill, Member, MemberSkill, Skill


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="profiles-member-per-user")
def give_every_account_a_profile(sender, instance, created, raw=False, **kwargs):
    """Every account gets a Member profile; it is listed once it has a display name."""
    if created and not raw:
        Member.objects.get_or_create(user=instance)


@receiver(post_save, sender=CoopSkill, dispatch_uid="profiles-coopskill-saved")
@receiver(post_delete, sender=CoopSkill, dispatch_uid="profiles-coopskill-deleted")
@receiver(post_save, sender=MemberSkill, dispatch_uid="profiles-memberskill-saved")
@receiver(post_delete, sender=MemberSkill, dispatch_uid="profiles-memberskill-deleted")
def keep_search_text_with_skills(sender, instance, raw=False, **kwargs):
    """A skill link added or removed one by one (admin, shell) changes what search finds."""
    if raw:
        return
    field = "coop" if sender is CoopSkill else "member"
    owner_model = sender._meta.get_field(field).related_model
    owner = owner_model.objects.filter(pk=getattr(instance, f"{field}_id")).first()
    if owner is not None:
        owner.refresh_search_text()


@receiver(post_save, sender=Skill, dispatch_uid="profiles-skill-renamed")
def keep_search_text_with_skill_names(sender, instance, created, raw=False, **kwargs):
    """A skill renamed in the admin: every profile that has it is found by the new name."""
    if created or raw:
        return
    for link in instance.coop_links.select_related("coop"):
        link.coop.refresh_search_text()
    for link in instance.member_links.select_related("member"):
        link.member.refresh_search_text()
