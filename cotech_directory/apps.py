from django.apps import AppConfig


class CotechDirectoryConfig(AppConfig):
    """The site itself: settings, shared pages and site-wide commands such as seed_demo."""

    name = "cotech_directory"
    verbose_name = "CoTech Directory"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from cotech_directory.sites import name_the_site

        # The sites app's own post_migrate, connected before this one (it comes earlier
        # in INSTALLED_APPS), makes the example.com row; this then names it.
        post_migrate.connect(
            name_the_site, sender=apps.get_app_config("sites"), dispatch_uid="cotech-name-the-site"
        )
