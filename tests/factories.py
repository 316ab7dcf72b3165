"""Small factory functions with sensible defaults. Each feature adds its own here."""

import itertools

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from listings.models import Listing
from profiles.models import Coop, CoopSkill, Membership, MemberSkill, Skill, SkillRelation
from profiles.models.skills import SkillKind

PASSWORD = "a-long-test-passphrase-42"
_sequence = itertools.count(1)


def make_user(email=None, *, verified=True, password=PASSWORD, **extra):
    """A user who can sign in with `email` and PASSWORD (verified unless told otherwise)."""
    email = email or f"person{next(_sequence)}@example.org"
    user = get_user_model().objects.create_user(
        username=email.split("@")[0] + str(next(_sequence)), email=email, password=password, **extra
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def make_member(display_name=None, *, email=None, confirmed=True, user_extra=None, **fields):
    """A listed member profile (with its account), confirmed now unless told otherwise."""
    user = make_user(email, **(user_extra or {}))
    member = user.member
    member.display_name = display_name if display_name is not None else f"Person {user.pk}"
    if confirmed:
        member.mark_confirmed()
    for name, value in fields.items():
        setattr(member, name, value)
    member.save()
    return member


def make_coop(name=None, *, admins=(), members=(), status=Coop.Status.APPROVED, **fields):
    """An approved, freshly confirmed co-op with the given admins and members."""
    name = name or f"Co-op {next(_sequence)}"
    fields.setdefault("last_confirmed_at", timezone.now())
    coop = Coop.objects.create(
        name=name, slug=fields.pop("slug", slugify(name)), status=status, **fields
    )
    for member in admins:
        Membership.objects.create(coop=coop, member=member, role=Membership.Role.ADMIN)
    for member in members:
        Membership.objects.create(coop=coop, member=member, role=Membership.Role.MEMBER)
    return coop


def make_skill(name, kind=SkillKind.TECH):
    return Skill.objects.resolve([name], kind)[0]


def give_skills(profile, *, offers=(), needs=(), uses=(), kind=SkillKind.TECH):
    """Link skill names to a Coop or Member profile as offered, needed or used (tools)."""
    link_model, owner_field = (
        (CoopSkill, "coop") if isinstance(profile, Coop) else (MemberSkill, "member")
    )
    for relation, names, skill_kind in (
        (SkillRelation.OFFERS, offers, kind),
        (SkillRelation.NEEDS, needs, kind),
        (SkillRelation.USES, uses, SkillKind.TOOL),
    ):
        for skill in Skill.objects.resolve(names, skill_kind):
            link_model.objects.get_or_create(
                **{owner_field: profile}, skill=skill, relation=relation
            )
    return profile


def make_listing(author=None, *, kind=Listing.Kind.NEED, skills=(), **fields):
    author = author or make_member()
    fields.setdefault("title", f"{kind.title()} {next(_sequence)}")
    listing = Listing.objects.create(author=author, kind=kind, **fields)
    listing.skills.set(Skill.objects.resolve(skills, SkillKind.TECH))
    return listing
