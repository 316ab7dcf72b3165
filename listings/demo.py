"""
Demo needs and offers that match each other in instructive ways: a strong match
sharing two skills, a nearby one, a remote one far away, and ones that are never
suggested (closed, expired, or from a stale profile). Safe to re-run.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from listings.models import Listing
from profiles.models import Coop, CoopSkill, Membership, MemberSkill, Skill, SkillRelation
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


def _listing(author, title, kind, skills, region, *, expires_in=50, **fields):
    """One demo listing: `author` is a username, or None for the demo login."""
    return {
        "author": author,
        "title": title,
        "kind": kind,
        "skills": skills,
        "region": region,
        "expires_in": expires_in,
        **fields,
    }


LISTINGS = [
    # The demo login's need: a remote offer sharing both skills ranks first, then
    # nearby ones sharing one; the stale co-op, the closed and the expired offers never show.
    _listing(None, "Help moving our Django app to Kubernetes", "need", ["Django", "Kubernetes"],
             "London", remote_ok=True),
    _listing(None, "Bookkeeping mentoring for new co-ops", "offer", ["Bookkeeping", "Governance"],
             "London", expires_in=40, is_public=True),
    _listing("demo-brambling", "Django and Kubernetes pairing sessions", "offer",
             ["Django", "Kubernetes", "Docker"], "North West", coop="brambling-digital",
             remote_ok=True, expires_in=55, is_public=True),
    _listing("demo-kestrel", "Subcontract: finance set-up for a new co-op", "need",
             ["Bookkeeping"], "London", coop="kestrel-code", category="work", remote_ok=False,
             cost_kind="paid", cost_amount=1500, expires_in=30, is_public=True),
    _listing("demo-kestrel", "Accessibility audits (in person, London)", "offer",
             ["Accessibility", "Django"], "London", coop="kestrel-code", category="work",
             remote_ok=False, expires_in=5),
    _listing("demo-brambling", "Django upgrade clinic (closed: fully booked)", "offer",
             ["Django"], "North West", coop="brambling-digital", status="fulfilled"),
    _listing("demo-rowan", "Kubernetes office hours (expired)", "offer", ["Kubernetes"],
             "London", expires_in=-3),
]  # fmt: skip


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
    for entry in LISTINGS:
        fields = dict(entry)
        author, coop_slug = members[fields.pop("author")], fields.pop("coop", None)
        skills, days = fields.pop("skills"), fields.pop("expires_in")
        fields.setdefault("description", f"A demo {fields['kind']}: *{fields['title']}*.")
        if fields.get("status", "open") != "open":
            fields["closed_at"] = now
        listing, created = Listing.objects.get_or_create(
            author=author,
            title=fields.pop("title"),
            defaults={
                "coop": Coop.objects.get(slug=coop_slug) if coop_slug else None,
                "expires_on": today + timedelta(days=days),
                **fields,
            },
        )
        if created:
            listing.skills.set(_skills(skills))
            listing.refresh_search_text()
