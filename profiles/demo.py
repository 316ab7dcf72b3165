"""
A realistic demo network: a dozen co-ops, a few dozen members, overlapping skills,
some stale profiles. Idempotent: profiles are found by slug or e-mail and updated.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from profiles.models import Coop, InKindOffer, Member, Membership, OfficeSpace, Skill, UpFor
from profiles.models.shared import UpForField
from profiles.models.skills import SkillKind

# name, town, region, months since confirmed, then skills: tech offered and needed,
# co-op offered and needed, tools.
COOPS = [
    (
        "Agile Collective",
        "Oxford",
        "South East",
        1,
        ["Drupal", "Python", "UX research"],
        ["Kubernetes"],
        ["Facilitation"],
        ["Bids"],
        ["Drupal", "GitLab"],
    ),
    (
        "Outlandish",
        "London",
        "London",
        2,
        ["Django", "React", "Data visualisation"],
        ["Rust"],
        ["Governance", "Sociocracy"],
        ["Bookkeeping"],
        ["Loomio", "Nextcloud"],
    ),
    (
        "Dot Project",
        "London",
        "London",
        3,
        ["Django", "Python", "Accessibility"],
        ["Machine learning"],
        ["Bids"],
        ["Legal"],
        ["GitHub"],
    ),
    (
        "Go Free Range",
        "London",
        "London",
        9,
        ["Ruby on Rails", "Pairing"],
        ["Accessibility"],
        ["Facilitation"],
        [],
        ["GitHub"],
    ),
    (
        "Code Operative",
        "Manchester",
        "North West",
        1,
        ["Elixir", "PostgreSQL", "Django"],
        ["Design"],
        [],
        ["Governance"],
        ["Mattermost"],
    ),
    (
        "Webarchitects",
        "Sheffield",
        "Yorkshire",
        4,
        ["Hosting", "Ansible", "Linux"],
        ["Marketing"],
        ["Governance"],
        ["Bids"],
        ["Nextcloud", "Debian"],
    ),
    (
        "Founders and Coders",
        "London",
        "London",
        14,
        ["JavaScript", "Teaching"],
        ["Hosting"],
        ["Facilitation"],
        ["Bookkeeping"],
        ["GitHub"],
    ),
    (
        "Alliance Digital",
        "Glasgow",
        "Scotland",
        2,
        ["WordPress", "Accessibility", "PHP"],
        ["Python"],
        ["Bookkeeping"],
        [],
        ["WordPress"],
    ),
    (
        "Calverts",
        "London",
        "London",
        5,
        ["Design", "Print"],
        ["Django"],
        ["Legal", "Bookkeeping"],
        [],
        ["Nextcloud"],
    ),
    (
        "Blake House",
        "Bristol",
        "South West",
        1,
        ["Kubernetes", "Go", "PostgreSQL"],
        ["UX research"],
        [],
        ["Facilitation"],
        ["Loomio"],
    ),
    (
        "Fairmondo UK",
        "Leeds",
        "Yorkshire",
        20,
        ["Ruby on Rails"],
        ["Bids", "Design"],
        [],
        ["Legal"],
        ["GitLab"],
    ),
    (
        "Open Data Services",
        "Manchester",
        "North West",
        2,
        ["Data visualisation", "Python"],
        ["Accessibility"],
        ["Sociocracy"],
        ["Marketing"],
        ["GitHub", "Nextcloud"],
    ),
]

FIRST = ["Ada", "Bo", "Cat", "Dev", "Eli", "Fern", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lou",
         "Max", "Nia", "Oli", "Pat", "Quin", "Rae", "Sol", "Tam", "Uma", "Vic", "Wren", "Yas",
         "Zed", "Ari", "Bea", "Cy", "Dot", "Ezra"]  # fmt: skip
LAST = ["Okafor", "Singh", "Price", "Nowak", "Haddad", "Evans", "Kim", "Moreau", "Byrne", "Ali"]
SKILLS = ["Python", "Django", "React", "Accessibility", "PostgreSQL", "Design", "Kubernetes",
          "Elixir", "JavaScript", "UX research", "Linux", "Data visualisation"]  # fmt: skip
COOP_SKILLS = ["Facilitation", "Bookkeeping", "Governance", "Bids", "Legal", "Sociocracy"]


def _months_ago(months):
    return timezone.now() - timedelta(days=30 * months)


def _skills(names, kind):
    return Skill.objects.resolve(names, kind)


def _give(profile, tech_offers, tech_needs, coop_offers, coop_needs, tools):
    profile.set_skills(
        "offers",
        _skills(tech_offers, SkillKind.TECH) + _skills(coop_offers, SkillKind.COOP),
    )
    profile.set_skills(
        "needs", _skills(tech_needs, SkillKind.TECH) + _skills(coop_needs, SkillKind.COOP)
    )
    profile.set_skills("uses", _skills(tools, SkillKind.TOOL))


def _account(email, first_name):
    user, _ = get_user_model().objects.get_or_create(
        username=email.split("@")[0], defaults={"email": email, "first_name": first_name}
    )
    if not user.has_usable_password():
        user.set_unusable_password()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return Member.objects.get_or_create(user=user)[0]


def seed(demo_user):
    coops = []
    for index, (name, town, region, months, *skills) in enumerate(COOPS):
        slug = name.lower().replace(" ", "-")
        coop, _ = Coop.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "summary": f"A tech co-op in {town}: {', '.join(skills[0][:2])} and more.",
                "about": f"**{name}** is a worker co-operative in {town}.\n\n"
                "We build software for organisations that make the world fairer.",
                "website": f"https://{slug}.example.coop/",
                "town": town,
                "region": region,
                "founded_year": 2005 + index,
                "worker_count": 4 + index * 2,
                "legal_form": "worker-coop",
                "status": Coop.Status.APPROVED,
                "up_for": UpForField.to_stored(
                    [UpFor.MENTORING, UpFor.HOSTING] if index % 2 else [UpFor.SUBCONTRACTING]
                ),
                "contact_email": f"hello@{slug}.example.coop",
                "contact_email_visibility": "public",
                "phone": f"0161 000 {1000 + index}",
                "last_confirmed_at": _months_ago(months),
            },
        )
        _give(coop, *skills)
        if index % 3 == 0:
            OfficeSpace.objects.get_or_create(
                coop=coop,
                location=f"{town} city centre",
                defaults={"town": town, "capacity": 4, "terms": "Free for co-ops, by arrangement"},
            )
        if index % 4 == 1:
            InKindOffer.objects.get_or_create(
                coop=coop, title="Hosting", defaults={"description": "A small VM for a project."}
            )
        coops.append(coop)

    for index in range(36):
        first, last = FIRST[index % len(FIRST)], LAST[index % len(LAST)]
        member = _account(f"{first.lower()}.{last.lower()}{index}@demo.example", first)
        member.display_name = f"{first} {last}"
        member.town, member.region = COOPS[index % len(COOPS)][1:3]
        member.bio = f"I work on {SKILLS[index % len(SKILLS)]} and like pairing."
        member.last_confirmed_at = _months_ago(1 + (index * 5) % 11 if index % 6 else 8)
        member.up_for = UpForField.to_stored([UpFor.PAIRING] if index % 2 else [UpFor.EXCHANGE])
        member.save()
        _give(
            member,
            [SKILLS[index % len(SKILLS)], SKILLS[(index + 3) % len(SKILLS)]],
            [SKILLS[(index + 5) % len(SKILLS)]],
            [COOP_SKILLS[index % len(COOP_SKILLS)]] if index % 2 else [],
            [COOP_SKILLS[(index + 1) % len(COOP_SKILLS)]] if index % 3 == 0 else [],
            ["GitHub"] if index % 2 else ["Nextcloud"],
        )
        Membership.objects.get_or_create(
            coop=coops[index % len(coops)],
            member=member,
            defaults={"role": Membership.Role.ADMIN if index < len(coops) else "member"},
        )

    demo = demo_user.member
    demo.display_name = "Demo Member"
    demo.pronouns = "they/them"
    demo.bio = "I try out the **CoTech Directory**. I build Django sites and need help with bids."
    demo.town, demo.region = "Manchester", "North West"
    demo.contact_email = demo_user.email
    demo.last_confirmed_at = timezone.now()
    demo.save()
    _give(demo, ["Django", "Python"], ["Kubernetes"], ["Facilitation"], ["Bids"], ["Nextcloud"])
    Membership.objects.update_or_create(
        coop=coops[4], member=demo, defaults={"role": Membership.Role.ADMIN}
    )
    # One pending co-op, so the steering group's queue has something in it.
    pending, _ = Coop.objects.get_or_create(
        slug="new-horizons-tech",
        defaults={
            "name": "New Horizons Tech",
            "summary": "A new co-op waiting for approval.",
            "town": "Cardiff",
            "region": "Wales",
            "last_confirmed_at": timezone.now(),
        },
    )
    Membership.objects.get_or_create(
        coop=pending, member=demo, defaults={"role": Membership.Role.ADMIN}
    )
