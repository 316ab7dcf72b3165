"""The benchmark's own record of what it seeded (only under bench.settings)."""

from django.db import models


class ScaleNetwork(models.Model):
    """
    What `seed_scale` put in this database: its sizes and seed, and whether it
    finished, so that a second `make bench` reuses the network instead of reseeding.
    """

    params = models.JSONField()
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"scale network {self.params}"
