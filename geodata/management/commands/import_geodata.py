"""python manage.py import_geodata [--data-dir DIR]: import the public Spandau data (see docs/data.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from geodata.importers.runner import run_import


class Command(BaseCommand):
    help = _("Importiert Gebiete, Statistik und Einrichtungen Spandaus aus den Quelldateien (idempotent).")
    # The import needs the models only; URL or admin checks of other apps must not block it.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", type=Path, default=None,
                            help=_("Verzeichnis der Quelldateien (Standard: ATLAS_DATA_DIR = %(dir)s)")
                            % {"dir": settings.ATLAS_DATA_DIR})

    def handle(self, *args, data_dir=None, verbosity=1, **options):
        data_dir = data_dir or settings.ATLAS_DATA_DIR

        def progress(message):
            if verbosity >= 1:
                self.stdout.write(message)

        progress(_("Importiere aus %(dir)s") % {"dir": data_dir})
        report = run_import(data_dir, progress)
        if verbosity >= 1:
            for warning in report.warnings:
                self.stderr.write(self.style.WARNING(warning))
            self.stdout.write("")
            self.stdout.write(report.table())
            if report.changed:
                self.stdout.write(self.style.SUCCESS(_("Import abgeschlossen in %(seconds).1f s.")
                                                     % {"seconds": report.seconds}))
            else:
                self.stdout.write(self.style.SUCCESS(
                    _("Keine Änderungen: die Datenbank entsprach bereits den Quelldateien (%(seconds).1f s).")
                    % {"seconds": report.seconds}))
