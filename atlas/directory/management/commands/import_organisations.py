"""python manage.py import_organisations FILE [--dry-run] [--kind organisations|meeting-places] [--status pending]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from atlas.directory.importing import KINDS, run_import
from atlas.directory.models import PublicationStatus


class Command(BaseCommand):
    help = _("Importiert Organisationen oder Treffpunkte aus einer CSV- oder Excel-Datei (siehe docs/import.md). "
             "Bei einem Fehler in irgendeiner Zeile wird nichts importiert.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("CSV- oder XLSX-Datei"))
        parser.add_argument("--dry-run", action="store_true", help=_("nur prüfen, nichts speichern"))
        parser.add_argument("--kind", choices=sorted(KINDS), default="organisations",
                            help=_("Organisationen (Standard) oder Treffpunkte"))
        parser.add_argument("--status", choices=PublicationStatus.values, default=PublicationStatus.PENDING,
                            help=_("Status neuer Einträge ohne Angabe in der Spalte „Status“ (Standard: pending)"))

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("Datei nicht gefunden: %(path)s") % {"path": path})
        # Whoever runs the command on the server is trusted like a coordinator: the file's Status
        # column is used and existing entries may be updated.
        report = run_import(path.read_bytes(), path.name, kind=options["kind"], dry_run=options["dry_run"],
                            default_status=options["status"], can_set_status=True, can_update=True)
        if report.has_errors:
            self.stderr.write(report.as_text())
            raise CommandError(_("Import abgebrochen, nichts wurde gespeichert."))
        self.stdout.write(report.as_text())
        if report.to_place:
            count = len(report.to_place)
            self.stdout.write(ngettext(
                "%(count)d Eintrag ohne genauen Punkt: bitte unter „Lage genau setzen“ (%(path)s) auf der Karte "
                "setzen.",
                "%(count)d Einträge ohne genauen Punkt: bitte unter „Lage genau setzen“ (%(path)s) auf der Karte "
                "setzen.", count) % {"count": count, "path": reverse("atlas:placing")})
