from django.apps import AppConfig


class MeetupsConfig(AppConfig):
    name = "meetups"
    verbose_name = "Cells and meetups"
