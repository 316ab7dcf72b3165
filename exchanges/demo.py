"""
Demo exchanges in every state, run through the real workflow so each has its history.

Idempotent: co-ops and people are fetched or created by slug and username, and an
exchange whose title already exists is left as it is.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from exchanges import notify, services
from exchanges.models import Exchange
from profiles.models import Coop, Membership

COOPS = {
    "hedgerow-digital": ("Hedgerow Digital", "Bristol", "South West"),
    "kiln-code": ("Kiln Code Co-op", "Stoke-on-Trent", "West Midlands"),
}


def _coop(slug):
    name, town, region = COOPS[slug]
    coop, _ = Coop.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "town": town,
            "region": region,
            "summary": "A worker co-op building websites and services.",
            "status": Coop.Status.APPROVED,
            "last_confirmed_at": timezone.now(),
        },
    )
    return coop


def _person(username, name, coop, role=Membership.Role.MEMBER):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@demo.cotech.example"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    member = user.member
    if not member.display_name:
        member.display_name = name
        member.mark_confirmed()
        member.save()
    Membership.objects.get_or_create(coop=coop, member=member, defaults={"role": role})
    return member


def _exchange(title, proposer, host, host_coop, helper, helper_coop, *, cost, skills, days_ahead):
    """A draft with sensible terms; the host co-op and the network fund share `cost`."""
    network = (cost / 2).quantize(Decimal("0.01"))
    exchange = Exchange(
        title=title,
        description=f"{title}. We would like a hand from someone who has done it before.",
        host=host,
        host_coop=host_coop,
        helper=helper,
        helper_coop=helper_coop,
        starts_on=timezone.localdate() + timedelta(days=days_ahead),
        ends_on=timezone.localdate() + timedelta(days=days_ahead + 14),
        time_amount=Decimal("3"),
        cost_time=cost,
        share_host_coop=cost - network,
        share_network=network,
        goals="- Leave the host's team able to carry on alone.",
        deliverables="- Working code merged\n- A short write-up",
        check_ins="A half-hour call every Friday.",
    )
    return services.save_draft(exchange, proposer, skills)


def _all_approve(exchange, admins):
    for coop, admin in admins:
        services.approve(exchange, admin, coop, "Agreed at our members' meeting.")


def _all_sign(exchange, signers):
    version = Exchange.objects.get(pk=exchange.pk).current_agreement.version
    for signer in signers:
        services.sign(exchange, signer, version)


def seed(demo_user):
    """Two co-ops and four people besides the demo login, and one exchange per state."""
    hedgerow, kiln = _coop("hedgerow-digital"), _coop("kiln-code")
    demo = demo_user.member
    if not demo.display_name:
        demo.display_name = "Demo Person"
        demo.mark_confirmed()
        demo.save()
    Membership.objects.get_or_create(
        coop=hedgerow, member=demo, defaults={"role": Membership.Role.ADMIN}
    )
    tom = _person("tom-demo", "Tom Reid", hedgerow)
    priya = _person("priya-demo", "Priya Patel", kiln, Membership.Role.ADMIN)
    alex = _person("alex-demo", "Alex Kim", kiln)
    sol = _person("sol-demo", "Sol Okafor", kiln)
    admins = [(hedgerow, demo), (kiln, priya)]
    existing = set(Exchange.objects.values_list("title", flat=True))

    def new(title, *args, **kwargs):
        if title in existing:
            return None
        return _exchange(title, *args, **kwargs)

    g = Decimal
    with notify.muted():
        new(
            "Accessibility audit of our booking site",
            demo,
            demo,
            hedgerow,
            alex,
            kiln,
            cost=g("600"),
            skills=["Accessibility"],
            days_ahead=30,
        )
        if exchange := new(
            "Setting up Wagtail for a housing co-op",
            alex,
            demo,
            hedgerow,
            alex,
            kiln,
            cost=g("450"),
            skills=["Wagtail"],
            days_ahead=40,
        ):
            services.propose(exchange, alex)
        if exchange := new(
            "PostgreSQL tuning for our mapping service",
            tom,
            tom,
            hedgerow,
            sol,
            kiln,
            cost=g("900"),
            skills=["PostgreSQL"],
            days_ahead=20,
        ):
            services.propose(exchange, tom)
            services.accept(exchange, sol)
        if exchange := new(
            "Bookkeeping for a new co-op",
            priya,
            demo,
            hedgerow,
            priya,
            kiln,
            cost=g("300"),
            skills=["Bookkeeping"],
            days_ahead=10,
        ):
            services.propose(exchange, priya)
            services.accept(exchange, demo)
            _all_approve(exchange, admins)
            _all_sign(exchange, [priya])
        if exchange := new(
            "Pairing on our first Django project",
            tom,
            tom,
            hedgerow,
            alex,
            kiln,
            cost=g("750"),
            skills=["Django"],
            days_ahead=-5,
        ):
            services.propose(exchange, tom)
            services.accept(exchange, alex)
            _all_approve(exchange, admins)
            _all_sign(exchange, [tom, alex, demo, priya])
        if exchange := new(
            "Governance workshop for new members",
            demo,
            sol,
            kiln,
            demo,
            hedgerow,
            cost=g("400"),
            skills=["Sociocracy"],
            days_ahead=-60,
        ):
            services.propose(exchange, demo)
            services.accept(exchange, sol)
            _all_approve(exchange, admins)
            _all_sign(exchange, [sol, demo, priya])
            for person in (sol, demo):
                services.report_done(
                    exchange,
                    person,
                    days_spent=g("3"),
                    actual_cost=g("400"),
                    reflection="Clear goals made it easy. We should have booked the room earlier.",
                )
        if exchange := new(
            "Rebuilding a legacy PHP intranet",
            tom,
            tom,
            hedgerow,
            priya,
            kiln,
            cost=g("1200"),
            skills=["PHP"],
            days_ahead=15,
        ):
            services.propose(exchange, tom)
            services.accept(exchange, priya)
            services.cancel(exchange, tom, "The client paused the project.")
        if exchange := new(
            "Logo and brand refresh",
            sol,
            demo,
            hedgerow,
            sol,
            kiln,
            cost=g("350"),
            skills=["Design"],
            days_ahead=25,
        ):
            services.propose(exchange, sol)
            services.decline(exchange, demo, "We have no time for this before spring.")
