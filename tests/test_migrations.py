"""Migrations import no live module of the project, so editing the code never rewrites history."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"cotech_directory", "bench"}
# Django writes these into migrations itself: a custom field class and the callables a
# field refers to (default=, upload_to=) must stay importable while a migration names them.
SERIALIZED_REFERENCES = {
    "profiles.models.coops",
    "listings.models",
    "profiles.models.shared",
}


def project_imports(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module]
        else:
            continue
        yield from (name for name in names if name.split(".")[0] in PROJECT)


def test_migrations_import_only_what_django_serialised_into_them():
    found = {
        (str(path.relative_to(ROOT)), name)
        for path in ROOT.glob("*/migrations/*.py")
        for name in project_imports(path)
        if name not in SERIALIZED_REFERENCES
    }
    assert found == set()


def test_the_check_sees_the_project_apps():
    assert {"profiles", "meetups", "exchanges", "cotech_directory"} <= PROJECT
