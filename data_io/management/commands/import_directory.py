"""python manage.py import_directory FILE.csv [--commit]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from data_io.importers.directory_csv import import_directory_csv
from data_io.management.progress import Progress


class Command(BaseCommand):
    help = (
        "Import co-ops and members from a CSV (one row each, a `type` column saying which). "
        "A dry run unless --commit; a commit is all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--commit", action="store_true", help="Apply the changes.")

    def handle(self, *args, file, commit, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        report = import_directory_csv(data, commit=commit, progress=Progress(self.stderr))
        for line in report.lines():
            self.stdout.write(line)
        if not report.ok:
            raise CommandError("Import refused: nothing was changed.")
