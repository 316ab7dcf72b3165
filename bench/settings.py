"""The site's settings plus the benchmark's app; `make bench` and tests/bench run under these."""

from cotech_directory.settings import *  # noqa: F403
from cotech_directory.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
