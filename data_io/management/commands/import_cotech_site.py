"""python manage.py import_cotech_site PATH [--commit]"""

from django.core.management.base import BaseCommand, CommandError

from data_io.importers.cotech_site import import_cotech_site
from data_io.management.progress import Progress


class Command(BaseCommand):
    help = (
        "Import co-ops from the CoTech website's folder of Markdown files (YAML front matter, "
        "prose body). A dry run unless --commit; a commit is all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The folder holding one .md file per co-op.")
        parser.add_argument("--commit", action="store_true", help="Apply the changes.")

    def handle(self, *args, path, commit, **options):
        report = import_cotech_site(path, commit=commit, progress=Progress(self.stderr))
        for line in report.lines():
            self.stdout.write(line)
        if not report.ok:
            raise CommandError("Import refused: nothing was changed.")
