"""The network's sizes, words and distributions: what the seeder draws from."""

from itertools import accumulate

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
