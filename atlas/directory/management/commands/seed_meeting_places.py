from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from atlas.directory.seeding import seed_meeting_places


class Command(BaseCommand):
    help = _("Legt Treffpunkte aus den importierten Einrichtungen an (Stadtteilzentren, Bibliotheken, …).")

    def handle(self, *args, **options):
        created, updated, unchanged = seed_meeting_places()
        self.stdout.write(
            _("Treffpunkte: %(created)d neu, %(updated)d geändert, %(unchanged)d unverändert")
            % {"created": created, "updated": updated, "unchanged": unchanged}
        )
