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

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from bench.models import ScaleNetwork
from bench.scale.data import DEFAULTS, SMOKE
from bench.scale.seeder import Seeder
from profiles.models import (
    Coop,
    Member,
)


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
