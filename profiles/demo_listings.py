"""
Demo needs and offers that match each other in instructive ways: a strong match
sharing two skills, a nearby one, a remote one far away, and ones that are never
suggested (closed, expired, or from a stale profile). Safe to re-run.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from profiles.models import Coop, CoopSkill, Listing, Membership, MemberSkill, Skill, SkillRelation
from profiles.models.skills import SkillKind

# slug: (name, region, confirmed days ago, offers, needs)
COOPS = {
    "brambling-digital": (
        "Brambling Digital",
        "North West",
        20,
        ["Django", "Kubernetes", "Docker"],
        [],
    ),
    "kestrel-code": ("Kestrel Code", "London", 45, ["Django", "Accessibility"], ["Bookkeeping"]),
    "old-mill-software": ("Old Mill Software", "Yorkshire", 400, ["Kubernetes"], []),
}
# username: (display name, region, offers, needs)
PEOPLE = {
    "demo-rowan": ("Rowan Ashby", "London", ["Django", "PostgreSQL"], []),
    "demo-tamsin": ("Tamsin Okafor", "Scotland", ["Governance"], ["Kubernetes"]),
}
# (author username or None for the demo user, co-op slug, kind, category, title, skills,
#  region, remote, days until expiry, status, extra fields)
LISTINGS = [
    (
        None,
        None,
        "need",
        "skill-help",
        "Help moving our Django app to Kubernetes",
        ["Django", "Kubernetes"],
        "London",
        True,
        50,
        "open",
        {},
    ),
    (
        None,
        None,
        "offer",
        "skill-help",
        "Bookkeeping mentoring for new co-ops",
        ["Bookkeeping", "Governance"],
        "London",
        True,
        40,
        "open",
        {"is_public": True},
    ),
    (
        "demo-brambling",
        "brambling-digital",
        "offer",
        "skill-help",
        "Kubernetes and Docker pairing sessions",
        ["Kubernetes", "Docker"],
        "North West",
        True,
        55,
        "open",
        {"is_public": True},
    ),
    (
        "demo-kestrel",
        "kestrel-code",
        "need",
        "work",
        "Subcontract: finance set-up for a new co-op",
        ["Bookkeeping"],
        "London",
        False,
        30,
        "open",
        {"cost_kind": "paid", "cost_amount": 1500, "is_public": True},
    ),
    (
        "demo-kestrel",
        "kestrel-code",
        "offer",
        "work",
        "Accessibility audits (in person, London)",
        ["Accessibility", "Django"],
        "London",
        False,
        5,
        "open",
        {},
    ),
    (
        "demo-brambling",
        "brambling-digital",
        "offer",
        "skill-help",
        "Django upgrade clinic (closed: fully booked)",
        ["Django"],
        "North West",
        True,
        20,
        "fulfilled",
        {},
    ),
    (
        "demo-rowan",
        None,
        "offer",
        "skill-help",
        "Kubernetes office hours (expired)",
        ["Kubernetes"],
        "London",
        True,
        -3,
        "open",
        {},
    ),
]


BUSINESS_SKILLS = {"Bookkeeping", "Governance"}


def _skills(names):
    """The skills named, co-op/business ones created with that kind."""
    return [
        skill
        for name in names
        for skill in Skill.objects.resolve(
            [name], SkillKind.COOP if name in BUSINESS_SKILLS else SkillKind.TECH
        )
    ]


def _user(username, display_name, region):
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@cotech.example"}
    )
    member = user.member
    if not member.display_name:
        member.display_name = display_name
        member.region = region
        member.mark_confirmed()
        member.save()
    return member


def seed(demo_user):
    """Co-ops, people and listings for the matching demo; existing rows are left as they are."""
    now = timezone.now()
    demo = demo_user.member
    if not demo.display_name:
        demo.display_name = "Demo Person"
        demo.region = "London"
        demo.mark_confirmed()
        demo.save()
    members = {None: demo}
    for username, (name, region, offers, needs) in PEOPLE.items():
        members[username] = member = _user(username, name, region)
        for relation, names in ((SkillRelation.OFFERS, offers), (SkillRelation.NEEDS, needs)):
            for skill in _skills(names):
                MemberSkill.objects.get_or_create(member=member, skill=skill, relation=relation)
    for slug, (name, region, days, offers, needs) in COOPS.items():
        coop, _ = Coop.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "region": region,
                "status": Coop.Status.APPROVED,
                "summary": f"A demo co-op in {region}.",
                "last_confirmed_at": now - timedelta(days=days),
            },
        )
        admin = _user(f"demo-{slug.split('-')[0]}", f"{name} admin", region)
        members[f"demo-{slug.split('-')[0]}"] = admin
        Membership.objects.get_or_create(
            coop=coop, member=admin, defaults={"role": Membership.Role.ADMIN}
        )
        for relation, names in ((SkillRelation.OFFERS, offers), (SkillRelation.NEEDS, needs)):
            for skill in _skills(names):
                CoopSkill.objects.get_or_create(coop=coop, skill=skill, relation=relation)
    today = timezone.localdate()
    for (
        author,
        coop_slug,
        kind,
        category,
        title,
        skills,
        region,
        remote,
        days,
        status,
        extra,
    ) in LISTINGS:
        listing, created = Listing.objects.get_or_create(
            author=members[author],
            title=title,
            defaults={
                "coop": Coop.objects.get(slug=coop_slug) if coop_slug else None,
                "kind": kind,
                "category": category,
                "description": f"A demo {kind}: *{title}*.",
                "region": region,
                "remote_ok": remote,
                "expires_on": today + timedelta(days=days),
                "status": status,
                "closed_at": now if status != "open" else None,
                **extra,
            },
        )
        if created:
            listing.skills.set(_skills(skills))
            listing.refresh_search_text()
