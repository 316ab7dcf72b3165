"""The states an exchange goes through, and the two sides of it."""

from django.db import models


class ExchangeState(models.TextChoices):
    DRAFT = "draft", "Draft"
    PROPOSED = "proposed", "Proposed"
    AWAITING_APPROVAL = "awaiting-approval", "Awaiting co-op approval"
    AGREEMENT = "agreement", "Signing the agreement"
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"
    DECLINED = "declined", "Declined"


FINISHED_STATES = {ExchangeState.COMPLETED, ExchangeState.CANCELLED, ExchangeState.DECLINED}


class WorkPlace(models.TextChoices):
    ON_SITE = "on-site", "On site"
    REMOTE = "remote", "Remote"
    BOTH = "both", "On site and remote"


class Side(models.TextChoices):
    HOST = "host", "Host (has the need)"
    HELPER = "helper", "Helper (gives time)"
