"""Skills, accounts, members, co-ops, memberships and their skills."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from bench.scale.data import (
    BATCH,
    COMMON,
    EMAIL_DOMAIN,
    PASSWORD,
    REGIONS,
    STALE_SHARE,
    TAIL_KINDS,
    TAIL_WORDS,
    WORDS,
    Zipf,
)
from profiles.models import (
    Coop,
    CoopSkill,
    InKindOffer,
    Member,
    Membership,
    MemberSkill,
    OfficeSpace,
    Skill,
    UpFor,
)
from profiles.models.shared import UpForField
from profiles.search import refresh_all_documents


class PeopleSeeder:
    """The directory's tables: who is in the network and what they can do."""

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
