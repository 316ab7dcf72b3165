"""What was last sent to the Murmurations index, so only changes are sent again."""

from django.db import models


class MurmurationsPublication(models.Model):
    """One profile URL the directory has announced to the Murmurations index."""

    profile_url = models.URLField(max_length=500, unique=True)
    content_hash = models.CharField(max_length=64)
    published_at = models.DateTimeField()
    node_id = models.CharField(max_length=200, blank=True)
    withdrawn = models.BooleanField(
        default=False, help_text="The profile stopped being public and the index was told."
    )

    class Meta:
        # Made when data in and out lived in profiles; the table keeps its name.
        db_table = "profiles_murmurationspublication"
        ordering = ["profile_url"]

    def __str__(self):
        return self.profile_url
