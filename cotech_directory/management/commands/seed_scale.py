"""
Fill a database with a large synthetic CoTech network for the benchmark.

    python manage.py seed_scale                 # 10,000 co-ops, 100,000 members...
    python manage.py seed_scale --smoke         # a few hundred rows, for CI
    python manage.py seed_scale --coops 500 --members 5000 --seed 7

Rows go in with bulk inserts, table by table, each with a progress bar. The
same sizes and seed give the same network (names, skills, links, states); the
times are relative to today. What was seeded is recorded in ScaleNetwork, so a
second run with the same sizes and seed reuses the network; other sizes or
another seed empty the (benchmark) database and seed again. A database that
holds anything else is refused: this command never mixes with real data.

Member 0 (`scale-member-0@scale.example.coop`) is the benchmark's busy member:
admin of co-op 0 (whose exchanges are many), in several cells, going to meetups.
"""

import random
from datetime import timedelta
from decimal import Decimal
from itertools import accumulate

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm

from cotech_directory.models import ScaleNetwork
from exchanges.models import (
    Agreement,
    Approval,
    CompletionReport,
    Exchange,
    ExchangeEvent,
    Signature,
)
from meetups.models import RSVP, Cell, CellMembership, Meetup
from profiles.models import (
    Coop,
    CoopSkill,
    InKindOffer,
    Listing,
    Member,
    Membership,
    MemberSkill,
    OfficeSpace,
    Skill,
    UpFor,
)
from profiles.models.shared import UpForField
from profiles.search import refresh_all_documents

DEFAULTS = {
    "coops": 10_000,
    "members": 100_000,
    "listings": 200_000,
    "cells": 1_000,
    "meetups": 20_000,
    "exchanges": 50_000,
}
SMOKE = {"coops": 40, "members": 300, "listings": 400, "cells": 6, "meetups": 60, "exchanges": 160}
BATCH = 1000
# Every seeded account's password: synthetic accounts in a benchmark database.
PASSWORD = "scale-network"  # noqa: S105
EMAIL_DOMAIN = "scale.example.coop"

REGIONS = {
    "London": ["London", "Croydon", "Walthamstow"],
    "North West": ["Manchester", "Liverpool", "Lancaster", "Preston"],
    "Yorkshire": ["Leeds", "Sheffield", "York", "Bradford", "Hebden Bridge"],
    "South West": ["Bristol", "Exeter", "Plymouth", "Stroud"],
    "Scotland": ["Glasgow", "Edinburgh", "Dundee", "Aberdeen"],
    "Wales": ["Cardiff", "Swansea", "Aberystwyth"],
    "West Midlands": ["Birmingham", "Coventry", "Wolverhampton"],
    "East Midlands": ["Nottingham", "Leicester", "Derby"],
    "North East": ["Newcastle", "Sunderland", "Durham"],
    "South East": ["Brighton", "Oxford", "Reading", "Canterbury"],
    "East of England": ["Norwich", "Cambridge", "Ipswich"],
    "Northern Ireland": ["Belfast", "Derry"],
}
# The head of each distribution: a few tags almost everyone has.
COMMON = {
    "tech": [
        "Python", "JavaScript", "Django", "React", "PHP", "WordPress", "TypeScript",
        "Ruby on Rails", "Drupal", "Accessibility", "User research", "DevOps", "PostgreSQL",
        "Go", "Rust", "Android", "iOS", "Data science", "Security", "Elixir",
    ],
    "coop": [
        "Governance", "Bookkeeping", "Sociocracy", "Facilitation", "Bid writing", "Marketing",
        "Employment law", "Conflict resolution", "Fundraising", "Onboarding",
    ],
    "tool": [
        "Git", "Docker", "Linux", "Nextcloud", "Matrix", "Kubernetes", "Figma", "Ansible",
        "Loomio", "Terraform",
    ],
}  # fmt: skip
# The long tail: made-up names, many of them, each rare.
TAIL_WORDS = [
    "ash", "birch", "cedar", "elm", "fern", "gorse", "hazel", "iris", "juniper", "kelp",
    "larch", "moss", "nettle", "oak", "pine", "quince", "rowan", "sorrel", "thyme", "willow",
]  # fmt: skip
TAIL_KINDS = {"tech": "framework", "coop": "method", "tool": "kit"}
WORDS = [
    "co-operative", "digital", "worker", "owned", "open", "source", "community", "platform",
    "design", "research", "training", "hosting", "data", "website", "app", "network",
    "support", "practice", "local", "shared", "fair", "sustainable", "public", "sector",
    "charity", "housing", "energy", "food", "learning", "health", "culture",
]  # fmt: skip
EXCHANGE_STATES = [  # (state, share): every state, most of them finished
    ("draft", 8), ("proposed", 8), ("awaiting-approval", 10), ("agreement", 10),
    ("active", 14), ("completed", 35), ("cancelled", 10), ("declined", 5),
]  # fmt: skip
STALE_SHARE = 0.3  # profiles nobody confirmed for longer than STALE_AFTER_DAYS (some never)


class Zipf:
    """Picks from `items` with weight 1/rank^s: a few very common ones, a long tail."""

    def __init__(self, items, s=1.1):
        self.items = items
        self.cum = list(accumulate(1 / (rank + 1) ** s for rank in range(len(items))))

    def pick(self, rng, k):
        """Up to `k` distinct items."""
        if k <= 0:
            return []
        seen = dict.fromkeys(rng.choices(self.items, cum_weights=self.cum, k=k * 2))
        return list(seen)[:k]


class Command(BaseCommand):
    help = "Fill an empty database with a large synthetic network (for `make bench`)."

    def add_arguments(self, parser):
        for name, default in DEFAULTS.items():
            parser.add_argument(f"--{name}", type=int, default=None, help=f"Default {default:,}.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same network.")
        parser.add_argument(
            "--smoke", action="store_true", help="A few hundred rows (CI and tests)."
        )

    def handle(self, *args, **options):
        sizes = dict(SMOKE if options["smoke"] else DEFAULTS)
        sizes.update({name: options[name] for name in DEFAULTS if options[name] is not None})
        if sizes["members"] < 3 or sizes["coops"] < 1 or sizes["cells"] < 1:
            raise CommandError("At least 3 members, 1 co-op and 1 cell.")
        params = {**sizes, "seed": options["seed"]}
        self.verbosity = options["verbosity"]

        previous = ScaleNetwork.objects.filter(finished_at__isnull=False).last()
        if previous and previous.params == params:
            self.stdout.write(f"A scale network of this size and seed is already here: {params}")
            return
        if previous or ScaleNetwork.objects.exists():
            self.stdout.write("Another scale network is here: emptying the database first.")
            call_command("flush", interactive=False, verbosity=0)
        elif Coop.objects.exists() or Member.objects.exists():
            raise CommandError(
                "This database already holds co-ops or members: seed_scale only fills an empty "
                "database (or one it seeded). Use a database of its own, e.g. cotech_bench."
            )

        started = timezone.now()
        with transaction.atomic():
            marker = ScaleNetwork.objects.create(params=params)
            Seeder(sizes, options["seed"], self.progress).run()
            marker.finished_at = timezone.now()
            marker.save(update_fields=["finished_at"])
        if connection.vendor == "postgresql":
            # Fresh statistics for the planner, and the visibility map for index-only scans.
            # (VACUUM cannot run inside a transaction, as in a test: ANALYZE alone then.)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(self.style.SUCCESS(f"Scale network seeded in {seconds:.0f} s: {params}"))

    def progress(self, total, desc):
        return tqdm(
            total=total, desc=f"{desc:<18}", unit=" rows", disable=self.verbosity < 1, leave=True
        )


class Seeder:
    """Builds the network table by table; each table draws from its own seeded generator."""

    def __init__(self, sizes, seed, progress):
        self.sizes = sizes
        self.seed = seed
        self.progress = progress
        self.now = timezone.now().replace(microsecond=0)
        self.today = timezone.localdate()

    def rng(self, table):
        # Deterministic synthetic data, not secrets.
        return random.Random(f"{self.seed}:{table}")  # noqa: S311

    def insert(self, model, rows, total, desc):
        """bulk_create `rows` (an iterable of unsaved objects) in batches; returns the pks."""
        pks = []
        batch = []
        with self.progress(total, desc) as bar:
            for row in rows:
                batch.append(row)
                if len(batch) == BATCH:
                    pks += [obj.pk for obj in model.objects.bulk_create(batch)]
                    bar.update(len(batch))
                    batch = []
            if batch:
                pks += [obj.pk for obj in model.objects.bulk_create(batch)]
                bar.update(len(batch))
        return pks

    def run(self):
        self.skills()
        self.users_and_members()
        self.coops()
        self.memberships()
        self.profile_skills()
        self.listings()
        self.cells()
        self.meetups()
        self.exchanges()

    # --- skills ---------------------------------------------------------------------

    def skills(self):
        tail = max(20, self.sizes["members"] // 250)
        self.skill_names = {}
        rows = []
        for kind, common in COMMON.items():
            names = list(common)
            for i in range(tail * (2 if kind == "tech" else 1)):
                word = TAIL_WORDS[i % len(TAIL_WORDS)].capitalize()
                names.append(f"{word} {TAIL_KINDS[kind]} {i // len(TAIL_WORDS) + 1}")
            rows += [Skill(name=name, slug=slugify(name), kind=kind) for name in names]
        pks = self.insert(Skill, rows, len(rows), "skills")
        by_kind = {kind: [] for kind in COMMON}
        for row, pk in zip(rows, pks, strict=True):
            by_kind[row.kind].append(pk)
            self.skill_names[pk] = row.name
        self.zipf = {kind: Zipf(ids) for kind, ids in by_kind.items()}

    def pick_skills(self, rng, tech=0, coop=0, tool=0):
        return (
            self.zipf["tech"].pick(rng, tech)
            + self.zipf["coop"].pick(rng, coop)
            + self.zipf["tool"].pick(rng, tool)
        )

    # --- people -------------------------------------------------------------------

    def confirmed_at(self, rng):
        """Most profiles confirmed in the last few months, a share stale, a few never."""
        roll = rng.random()
        if roll < 0.05:
            return None
        if roll < STALE_SHARE:
            return self.now - timedelta(days=rng.randint(200, 1200), minutes=rng.randint(0, 1439))
        return self.now - timedelta(days=rng.randint(0, 170), minutes=rng.randint(0, 1439))

    def place(self, rng):
        region = rng.choice(list(REGIONS))
        return region, rng.choice(REGIONS[region])

    def text(self, rng, words):
        return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."

    def up_for(self, rng):
        chosen = sorted(rng.sample(list(UpFor.values), rng.randint(0, 3)))
        return UpForField.to_stored(chosen)

    def users_and_members(self):
        count = self.sizes["members"]
        password = make_password(PASSWORD)
        User = get_user_model()
        users = (
            User(
                username=f"scale-member-{i}",
                email=f"scale-member-{i}@{EMAIL_DOMAIN}",
                password=password,
                first_name="Member",
                last_name=str(i),
            )
            for i in range(count)
        )
        user_ids = self.insert(User, users, count, "users")
        rng = self.rng("members")
        self.member_regions = []

        def members():
            for i, user_id in enumerate(user_ids):
                region, town = self.place(rng)
                self.member_regions.append(region)
                yield Member(
                    user_id=user_id,
                    # One in ten never gave a display name: they are not listed.
                    display_name="" if i and rng.random() < 0.1 else f"Member {i}",
                    bio=self.text(rng, rng.randint(5, 30)),
                    town=town,
                    region=region,
                    availability=rng.choice(["", "Two days a month", "Remote only", "Evenings"]),
                    up_for=self.up_for(rng),
                    contact_email=f"scale-member-{i}@{EMAIL_DOMAIN}",
                    last_confirmed_at=self.now if i == 0 else self.confirmed_at(rng),
                )

        self.member_ids = self.insert(Member, members(), count, "members")

    def coops(self):
        count = self.sizes["coops"]
        rng = self.rng("coops")

        def coops():
            for i in range(count):
                region, town = self.place(rng)
                yield Coop(
                    name=f"{town} {rng.choice(WORDS).capitalize()} Co-op {i}",
                    slug=f"scale-coop-{i}",
                    summary=self.text(rng, 8),
                    about=self.text(rng, rng.randint(20, 80)),
                    town=town,
                    region=region,
                    founded_year=rng.randint(1980, 2025),
                    worker_count=rng.randint(1, 60),
                    legal_form=rng.choice(["worker-coop", "cbs", "clg", "multi-stakeholder"]),
                    up_for=self.up_for(rng),
                    # A few wait for the steering group; the rest are in the directory.
                    status="approved" if i == 0 or rng.random() < 0.95 else "pending",
                    contact_email=f"hello@coop-{i}.{EMAIL_DOMAIN}",
                    contact_email_visibility="public",
                    last_confirmed_at=self.now if i == 0 else self.confirmed_at(rng),
                )

        self.coop_ids = self.insert(Coop, coops(), count, "co-ops")
        spaces = [
            OfficeSpace(coop_id=coop_id, location=f"Unit {n}", town="", capacity=rng.randint(2, 40))
            for n, coop_id in enumerate(self.coop_ids)
            if rng.random() < 0.1
        ]
        self.office_space_ids = self.insert(OfficeSpace, spaces, len(spaces), "office spaces")
        offers = [
            InKindOffer(coop_id=coop_id, title=rng.choice(["Hosting", "Legal advice", "Laptops"]))
            for coop_id in self.coop_ids
            if rng.random() < 0.1
        ]
        self.insert(InKindOffer, offers, len(offers), "in-kind offers")

    def memberships(self):
        """Every co-op has an admin or two; most members belong to one co-op, some to two."""
        rng = self.rng("memberships")
        members, coops = len(self.member_ids), len(self.coop_ids)
        coop_pick = Zipf(list(range(coops)), s=0.6)  # some big co-ops, many small
        self.coop_admins = {c: [] for c in range(coops)}
        self.member_coops = {}
        pairs = {}
        for c in range(coops):
            admins = (
                [0] if c == 0 else rng.sample(range(1, members), 2 if rng.random() < 0.3 else 1)
            )
            for m in admins:
                pairs[(c, m)] = "admin"
        for m in range(members):
            roll = rng.random()
            for c in coop_pick.pick(rng, 2 if roll < 0.1 else 1 if roll < 0.8 else 0):
                pairs.setdefault((c, m), "member")
        for c in range(1, min(4, coops)):
            pairs.setdefault((c, 0), "member")  # the busy member belongs to a few co-ops
        for (c, m), role in pairs.items():
            self.member_coops.setdefault(m, []).append(c)
            if role == "admin":
                self.coop_admins[c].append(m)
        rows = (
            Membership(coop_id=self.coop_ids[c], member_id=self.member_ids[m], role=role)
            for (c, m), role in sorted(pairs.items())
        )
        self.insert(Membership, rows, len(pairs), "memberships")

    def profile_skills(self):
        """What members and co-ops offer, need and use, and the search text that covers it."""
        for model, link, owner, ids, sizes in (
            (Member, MemberSkill, "member_id", self.member_ids, (1, 5, 2, 3)),
            (Coop, CoopSkill, "coop_id", self.coop_ids, (3, 10, 4, 8)),
        ):
            names = {}
            rng = self.rng(f"{model.__name__}-skills")
            rows = self.skill_links(link, owner, ids, sizes, names, rng)
            self.insert(link, rows, None, f"{model.__name__.lower()} skills")
            self.fill_search_text(model, names)

    def skill_links(self, link, owner, ids, sizes, names, rng):
        """Yields the links of each profile, noting each profile's skill names in `names`."""
        min_offers, max_offers, max_needs, max_tools = sizes
        for pk in ids:
            offers = self.pick_skills(
                rng, tech=rng.randint(min_offers, max_offers), coop=rng.randint(0, 2)
            )
            needs = self.pick_skills(rng, tech=rng.randint(0, max_needs), coop=1)
            tools = self.pick_skills(rng, tool=rng.randint(0, max_tools))
            names[pk] = {self.skill_names[s] for s in offers + needs + tools}
            for relation, skills in (("offers", offers), ("needs", needs), ("uses", tools)):
                for skill_id in skills:
                    yield link(**{owner: pk}, skill_id=skill_id, relation=relation)

    def fill_search_text(self, model, names):
        """The same text HasSkills.refresh_search_text keeps, written in batches."""
        pks = sorted(names)
        with self.progress(len(pks), f"{model.__name__.lower()} search") as bar:
            for start in range(0, len(pks), BATCH):
                chunk = list(model.objects.filter(pk__in=pks[start : start + BATCH]))
                for obj in chunk:
                    obj.search_text = obj.compose_search_text(sorted(names[obj.pk]))
                model.objects.bulk_update(chunk, ["search_text"])
                bar.update(len(chunk))
        refresh_all_documents(model)

    # --- needs and offers --------------------------------------------------------------

    def listings(self):
        count = self.sizes["listings"]
        rng = self.rng("listings")
        skills_of = []

        def listings():
            for i in range(count):
                m = 0 if i % 500 == 0 else rng.randrange(len(self.member_ids))
                coops = self.member_coops.get(m, [])
                c = rng.choice(coops) if coops and rng.random() < 0.4 else None
                kind = "need" if rng.random() < 0.5 else "offer"
                skills = self.pick_skills(rng, tech=rng.randint(1, 3), coop=rng.randint(0, 1))
                skills_of.append(skills)
                title = f"{'Looking for' if kind == 'need' else 'Can help with'} " + ", ".join(
                    self.skill_names[s] for s in skills[:2]
                )
                description = self.text(rng, rng.randint(10, 60))
                region = self.member_regions[m]
                roll = rng.random()
                status = "open" if roll < 0.85 else "fulfilled" if roll < 0.93 else "withdrawn"
                expires = self.today + timedelta(days=rng.randint(-60, 120))
                parts = [title, description, region, *(self.skill_names[s] for s in skills)]
                parts += [f"Member {m}"]
                yield Listing(
                    author_id=self.member_ids[m],
                    coop_id=self.coop_ids[c] if c is not None else None,
                    kind=kind,
                    category=rng.choice(["skill-help"] * 6 + ["work", "in-kind", "other"]),
                    title=title[:120],
                    description=description,
                    region=region,
                    remote_ok=rng.random() < 0.7,
                    is_public=rng.random() < 0.5,
                    expires_on=expires,
                    status=status,
                    closed_at=None if status == "open" else self.now,
                    confirmed_at=self.now - timedelta(days=rng.randint(0, 120)),
                    search_text=" ".join(parts).casefold(),
                )

        self.listing_ids = self.insert(Listing, listings(), count, "listings")
        Through = Listing.skills.through
        rows = (
            Through(listing_id=pk, skill_id=skill_id)
            for pk, skills in zip(self.listing_ids, skills_of, strict=True)
            for skill_id in skills
        )
        self.insert(Through, rows, sum(map(len, skills_of)), "listing skills")

    # --- cells and meetups ----------------------------------------------------------

    def cells(self):
        count = self.sizes["cells"]
        rng = self.rng("cells")
        regions = list(REGIONS)
        cells = []
        for i in range(count):
            region = regions[i % len(regions)]
            cells.append(
                Cell(
                    name=f"{rng.choice(REGIONS[region])} cell {i}",
                    slug=f"scale-cell-{i}",
                    region=region,
                    area=", ".join(REGIONS[region]),
                    description=self.text(rng, 30),
                    aims=self.text(rng, 15),
                    status="active" if i == 0 or rng.random() < 0.95 else "proposed",
                )
            )
        self.cell_ids = self.insert(Cell, cells, count, "cells")
        members = len(self.member_ids)
        self.cell_members = {}
        for c in range(count):
            chosen = rng.sample(range(1, members), min(members - 1, rng.randint(5, 35)))
            if c < 3:
                chosen.append(0)  # the busy member is in a few cells
            self.cell_members[c] = chosen
        rows = (
            CellMembership(cell_id=self.cell_ids[c], member_id=self.member_ids[m])
            for c, chosen in self.cell_members.items()
            for m in chosen
        )
        total = sum(map(len, self.cell_members.values()))
        self.insert(CellMembership, rows, total, "cell members")
        Champions = Cell.champions.through
        rows = [
            Champions(cell_id=self.cell_ids[c], member_id=self.member_ids[chosen[0]])
            for c, chosen in self.cell_members.items()
        ]
        self.insert(Champions, rows, len(rows), "cell champions")

    def meetups(self):
        count = self.sizes["meetups"]
        rng = self.rng("meetups")
        spaces = self.office_space_ids
        plans = []

        def meetups():
            for i in range(count):
                # One in twenty is a national gathering (no cell).
                c = None if i % 20 == 19 else i % len(self.cell_ids)
                day = self.today + timedelta(days=rng.randint(-720, 180))
                starts = timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 18, 0))
                past = starts < self.now
                capacity = rng.randint(8, 40) if rng.random() < 0.3 else None
                roll = rng.random()
                status = "cancelled" if roll < 0.05 else "held" if past else "scheduled"
                plans.append((c, capacity))
                yield Meetup(
                    cell_id=self.cell_ids[c] if c is not None else None,
                    title=f"{'Gathering' if c is None else 'Cell meetup'} {i}",
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=3),
                    venue="" if spaces and rng.random() < 0.3 else "The community centre",
                    office_space_id=rng.choice(spaces) if spaces and rng.random() < 0.3 else None,
                    description=self.text(rng, 25),
                    agenda=self.text(rng, 12),
                    kind=rng.choice(["work", "social", "mixed"]),
                    capacity=capacity,
                    status=status,
                )

        meetup_ids = self.insert(Meetup, meetups(), count, "meetups")
        members = len(self.member_ids)

        def rsvps():
            for pk, (c, capacity) in zip(meetup_ids, plans, strict=True):
                pool = self.cell_members[c] if c is not None else None
                wanted = rng.randint(0, 12)
                chosen = (
                    rng.sample(pool, min(wanted, len(pool)))
                    if pool
                    else rng.sample(range(members), min(wanted, members))
                )
                going = 0
                for m in chosen:
                    status = rng.choice(["going", "going", "going", "maybe", "not_going"])
                    if status == "going" and capacity is not None and going >= capacity:
                        status = "waiting"
                    going += status == "going"
                    yield RSVP(meetup_id=pk, member_id=self.member_ids[m], status=status)

        self.insert(RSVP, rsvps(), None, "rsvps")

    # --- exchanges ---------------------------------------------------------------------

    def exchanges(self):
        count = self.sizes["exchanges"]
        rng = self.rng("exchanges")
        states = [state for state, share in EXCHANGE_STATES for _ in range(share)]
        members = len(self.member_ids)
        busy = max(10, count // 500)  # co-op 0 (the busy admin's) hosts this many
        plans = []

        def coop_of(rng, m):
            coops = self.member_coops.get(m, [])
            return rng.choice(coops) if coops and rng.random() < 0.8 else None

        def exchanges():
            for i in range(count):
                # Every state appears even in a small network; then the realistic mix.
                state = EXCHANGE_STATES[i][0] if i < len(EXCHANGE_STATES) else rng.choice(states)
                if i < busy:
                    host, host_coop = rng.choice([0, *self.coop_admins[0]]), 0
                else:
                    host = rng.randrange(members)
                    host_coop = coop_of(rng, host)
                helper = rng.randrange(members)
                while helper == host:
                    helper = rng.randrange(members)
                helper_coop = coop_of(rng, helper)
                skills = self.pick_skills(rng, tech=rng.randint(1, 2))
                plans.append((state, host, helper, host_coop, helper_coop, skills))
                days = Decimal(rng.randint(1, 20))
                starts = self.today + timedelta(days=rng.randint(-400, 90))
                yield Exchange(
                    title=f"Help with {self.skill_names[skills[0]]} ({i})",
                    description=self.text(rng, 30),
                    proposer_id=self.member_ids[host],
                    host_id=self.member_ids[host],
                    host_coop_id=self.coop_ids[host_coop] if host_coop is not None else None,
                    helper_id=self.member_ids[helper],
                    helper_coop_id=self.coop_ids[helper_coop] if helper_coop is not None else None,
                    starts_on=starts,
                    ends_on=starts + timedelta(days=int(days) * 2),
                    time_amount=days,
                    place=rng.choice(["on-site", "remote", "both"]),
                    cost_time=days * 250,
                    share_host_coop=days * 100,
                    share_network=days * 150,
                    goals=self.text(rng, 12),
                    deliverables=self.text(rng, 10),
                    state=state,
                    activated_at=self.now if state in ("active", "completed") else None,
                    finished_at=self.now
                    if state in ("completed", "cancelled", "declined")
                    else None,
                )

        exchange_ids = self.insert(Exchange, exchanges(), count, "exchanges")
        Through = Exchange.skills.through
        rows = (
            Through(exchange_id=pk, skill_id=skill_id)
            for pk, plan in zip(exchange_ids, plans, strict=True)
            for skill_id in plan[5]
        )
        self.insert(Through, rows, None, "exchange skills")
        self.exchange_history(rng, exchange_ids, plans)

    def exchange_history(self, rng, exchange_ids, plans):
        """Approvals, agreements, signatures, reports and the events the workflow records."""
        M, C = self.member_ids, self.coop_ids
        approvals, agreements, events, reports = [], [], [], []
        signers = {}  # exchange pk -> [(party, coop pk or None, member pk)] who signed
        after_approval = {"agreement", "active", "completed"}
        for pk, (state, host, helper, host_coop, helper_coop, _) in zip(
            exchange_ids, plans, strict=True
        ):
            coops = [c for c in dict.fromkeys([host_coop, helper_coop]) if c is not None]

            def event(kind, from_state, to_state, actor, pk=pk):
                events.append(
                    ExchangeEvent(
                        exchange_id=pk,
                        kind=kind,
                        actor_id=M[actor],
                        from_state=from_state,
                        to_state=to_state,
                    )
                )

            event("created", "", "draft", host)
            if state == "draft":
                continue
            event("proposed", "draft", "proposed", host)
            if state == "proposed":
                continue
            if state == "declined":
                event("declined", "proposed", "declined", helper)
                continue
            event("accepted", "proposed", "awaiting-approval", helper)
            if state in after_approval:
                for c in coops:
                    admin = self.coop_admins[c][0]
                    approvals.append(
                        Approval(
                            exchange_id=pk, coop_id=C[c], member_id=M[admin], decision="approved"
                        )
                    )
                    event("approved", "awaiting-approval", "awaiting-approval", admin)
                event("agreement-drafted", "awaiting-approval", "agreement", host)
                agreements.append(
                    Agreement(
                        exchange_id=pk,
                        version=1,
                        title="Exchange agreement",
                        text="The network's terms.",
                        terms="This exchange's goals, deliverables and budget.",
                    )
                )
                parties = [("host", None, host), ("helper", None, helper)]
                parties += [("coop", c, self.coop_admins[c][0]) for c in coops]
                if state == "agreement":
                    parties = parties[: rng.randrange(len(parties))]
                signers[pk] = parties
                for _, _, m in parties:
                    event("signed", "agreement", "agreement", m)
                if state == "agreement":
                    continue
                event("activated", "agreement", "active", parties[-1][2])
                if state == "completed":
                    for m in (host, helper):
                        reports.append(
                            CompletionReport(
                                exchange_id=pk,
                                member_id=M[m],
                                days_spent=Decimal(rng.randint(1, 20)),
                                reflection=self.text(rng, 15),
                            )
                        )
                        event("done-reported", "active", "active", m)
                    event("completed", "active", "completed", helper)
            elif state == "cancelled":
                event("cancelled", "awaiting-approval", "cancelled", host)

        self.insert(Approval, approvals, len(approvals), "approvals")
        agreement_ids = self.insert(Agreement, agreements, len(agreements), "agreements")
        agreement_of = {
            a.exchange_id: a_pk for a, a_pk in zip(agreements, agreement_ids, strict=True)
        }
        signatures = [
            Signature(
                agreement_id=agreement_of[pk],
                party=party,
                coop_id=C[c] if c is not None else None,
                member_id=M[m],
            )
            for pk, parties in signers.items()
            for party, c, m in parties
        ]
        self.insert(Signature, signatures, len(signatures), "signatures")
        self.insert(CompletionReport, reports, len(reports), "completion reports")
        self.insert(ExchangeEvent, events, len(events), "exchange events")
        # Each exchange with an agreement points at it (a correlated update, on any database).
        exchange_table = Exchange._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {exchange_table} SET current_agreement_id = ("  # noqa: S608
                f" SELECT a.id FROM {Agreement._meta.db_table} a"
                f" WHERE a.exchange_id = {exchange_table}.id)"
                " WHERE state IN ('agreement', 'active', 'completed')"
            )
