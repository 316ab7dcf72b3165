from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark: `seed_scale`, its record and the baseline page (bench.settings only)."""

    name = "bench"
