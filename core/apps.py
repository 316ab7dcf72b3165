from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom package: helpers every room may use; it imports none of them."""

    name = "core"
    verbose_name = "Shared helpers"
