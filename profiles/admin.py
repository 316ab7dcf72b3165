"""The profiles app in the admin. Each area registers its models in its own module."""

from profiles import admin_listings  # noqa: F401  (registers Listing)
