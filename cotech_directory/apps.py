from django.apps import AppConfig


class CotechDirectoryConfig(AppConfig):
    """The site itself: settings, shared pages and site-wide commands such as seed_demo."""

    name = "cotech_directory"
    verbose_name = "CoTech Directory"
