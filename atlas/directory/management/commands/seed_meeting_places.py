from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from atlas.directory.seeding import seed_meeting_places


class Command(BaseCommand):
    help = _("Legt Treffpunkte aus den importierten Einrichtungen an (Stadtteilzentren, Bibliotheken, …).")

    def handle(self, *args, **options):
        report = seed_meeting_places()
        self.stdout.write(
            _("Treffpunkte: %(created)d neu, %(updated)d geändert, %(unchanged)d unverändert")
            % {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}
        )
        self.stdout.write(
            _("%(records)d Einrichtungen der Quellen an %(sites)d Orten: %(duplicates)d Duplikate zusammengeführt, "
              "%(merged)d bestehende Einträge zusammengelegt")
            % {"records": report.records, "sites": report.sites, "duplicates": report.duplicates,
               "merged": report.merged_entries}
        )
        for conflict in report.conflicts:
            self.stdout.write(self.style.WARNING(
                _("Nicht zusammengelegt, beide von Hand bearbeitet (%(fields)s): „%(kept)s“ (%(kept_slug)s) und "
                  "„%(other)s“ (%(other_slug)s)")
                % {"fields": ", ".join(conflict.fields), "kept": conflict.kept.name, "kept_slug": conflict.kept.slug,
                   "other": conflict.other.name, "other_slug": conflict.other.slug}
            ))
