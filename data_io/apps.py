from django.apps import AppConfig


class DataIoConfig(AppConfig):
    """Data in and out: importers, CSV exports, the JSON API, Murmurations."""

    name = "data_io"
    verbose_name = "Data in and out"
