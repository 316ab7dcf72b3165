"""Builds the scale network table by table."""

import random

from django.utils import timezone

from bench.scale.activity import ActivitySeeder
from bench.scale.data import BATCH
from bench.scale.people import PeopleSeeder


class Seeder(PeopleSeeder, ActivitySeeder):
    """Builds the network table by table; each table draws from its own seeded generator."""

    def __init__(self, sizes, seed, progress):
        self.sizes = sizes
        self.seed = seed
        self.progress = progress
        self.now = timezone.now().replace(microsecond=0)
        self.today = timezone.localdate()

    def rng(self, table):
        # Deterministic synthetic data, not secrets.
        return random.Random(f"{self.seed}:{table}")

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
