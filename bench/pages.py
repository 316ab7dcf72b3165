"""The pages the benchmark measures, resolved against the seeded network."""

from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


@dataclass
class Page:
    name: str
    path: str
    user: object = None  # signed in as this user, or a visitor
    cookie: str = ""


def signed_in_cookie(user):
    """A real session in the database, usable by the gunicorn workers too."""
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def count_queries(path, user):
    client = Client()
    if user is not None:
        client.force_login(user)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}, not 200")
    return len(context.captured_queries)
