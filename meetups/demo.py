"""Demo cells, founders, meetups, a national gathering and shout-outs. Safe to re-run."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from meetups.models import Cell, CellMembership, FounderTerm, Meetup, ShoutOut, SitePage
from meetups.models.cells import add_months

PEOPLE = [
    ("amara", "Amara Okafor", "North West"),
    ("ben", "Ben Hughes", "North West"),
    ("cerys", "Cerys Evans", "Wales"),
    ("dev", "Dev Patel", "Wales"),
    ("ellie", "Ellie Shaw", "London"),
    ("femi", "Femi Adeyemi", "London"),
    ("grace", "Grace Lin", "North West"),
]

CELLS = [
    ("Manchester", "North West", "Manchester, Salford and Stockport", ["amara", "ben", "grace"]),
    ("Cardiff", "Wales", "Cardiff, Newport and the valleys", ["cerys", "dev"]),
    ("London", "London", "Greater London", ["ellie", "femi"]),
]


def demo_member(username, name, region):
    """A listed demo member with a verified (unusable-password) account, made once."""
    user, created = get_user_model().objects.get_or_create(
        username=f"demo-{username}", defaults={"email": f"{username}@cotech.example"}
    )
    if created:
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    member = user.member
    if not member.display_name:
        member.display_name, member.region = name, region
        member.mark_confirmed()
        member.save()
    return member


def seed(demo_user):
    """Three cells with members, champions, founder histories and meetups, and a gathering."""
    for slug in ("about", "steering-group"):
        SitePage.objects.page(slug)
    me = demo_user.member
    if not me.display_name:
        me.display_name, me.region = "Demo Person", "North West"
        me.save()
    people = {username: demo_member(username, name, region) for username, name, region in PEOPLE}
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for name, region, area, usernames in CELLS:
        cell, created = Cell.objects.get_or_create(
            slug=name.lower(),
            defaults={
                "name": f"{name} cell",
                "region": region,
                "area": area,
                "description": f"Tech co-operators around {area} meeting every two months.",
                "aims": "- Get to know the co-ops near us\n- Share work and skills",
                "outcomes": "Joint bids, shared desks, new friends.",
                "benefits": "Less isolation, more cooperation among co-operatives.",
            },
        )
        if not created:
            continue
        members = [people[u] for u in usernames]
        if name == "Manchester":
            members.append(me)
        for member in members:
            CellMembership.objects.create(
                cell=cell, member=member, joined_at=now - timedelta(days=400)
            )
        cell.champions.add(me if name == "Manchester" else members[0])
        # Founder history: two past terms, then the third member serving now.
        for turn, member in enumerate(members[:3]):
            started = now - timedelta(days=300 - 120 * turn)
            FounderTerm.objects.create(
                cell=cell,
                member=member,
                round=turn + 1,
                status=FounderTerm.Status.SERVED if turn < 2 else FounderTerm.Status.SERVING,
                proposed_at=started,
                started_on=started,
                ended_on=started + timedelta(days=120) if turn < 2 else None,
            )
        cell.rotation_round = 3
        cell.save(update_fields=["rotation_round"])
        starts = (now - timedelta(days=300 if name == "London" else 120)).replace(hour=18)
        for _ in range(2):
            Meetup.objects.create(
                cell=cell,
                title=f"{name} cell meetup",
                starts_at=starts,
                ends_at=starts + timedelta(hours=3),
                venue=f"A co-op office in {name}",
                kind=Meetup.Kind.MIXED,
                status=Meetup.Status.HELD,
                description="Short updates from each co-op, then food.",
            )
            starts = add_months(starts, 2)
        if name != "London":  # London is left quiet to show the reminders
            Meetup.objects.create(
                cell=cell,
                title=f"{name} cell meetup",
                starts_at=add_months(starts, 1),
                ends_at=add_months(starts, 1) + timedelta(hours=3),
                venue=f"A co-op office in {name}",
                capacity=20,
                agenda="1. Round of co-ops\n2. What we need and offer\n3. Pub",
            )
    if not Meetup.objects.gatherings().exists():
        start = (now + timedelta(days=90)).replace(hour=10)
        Meetup.objects.create(
            title="CoTech national gathering",
            starts_at=start,
            ends_at=start + timedelta(days=1, hours=7),
            venue="Birmingham",
            kind=Meetup.Kind.MIXED,
            description="Two days of the whole network: workshops, decisions and a party.",
        )
    if not ShoutOut.objects.exists():
        today = timezone.localdate()
        ShoutOut.objects.create(
            author=people["amara"],
            cell=Cell.objects.get(slug="manchester"),
            title="Open data meetup: come with me",
            date=today + timedelta(days=10),
            place="Manchester",
            note="I am going to this; anyone want to join?",
        )
        ShoutOut.objects.create(
            author=people["cerys"],
            title="AI and co-ops evening",
            link="https://example.org/ai-coops",
            date=today + timedelta(days=25),
            place="Online",
            note="A talk on *what AI means for co-ops*. Let's go together.",
        )
