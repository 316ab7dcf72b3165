"""Needs and offers, cells, meetups and replies, exchanges and their history."""

from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from bench.scale.data import EXCHANGE_STATES, REGIONS
from exchanges.models import (
    Agreement,
    Approval,
    CompletionReport,
    Exchange,
    ExchangeEvent,
    Signature,
)
from listings.models import Listing
from meetups.models import RSVP, Cell, CellMembership, Meetup


class ActivitySeeder:
    """What the network does: listings, cells and meetups, exchanges."""

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
