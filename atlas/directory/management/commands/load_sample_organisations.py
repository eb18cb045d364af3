from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from atlas.directory.samples import SAMPLES, load_samples, remove_samples


class Command(BaseCommand):
    help = _("Legt erfundene Beispiel-Organisationen an (is_sample, „Beispiel: …“) oder entfernt sie mit --remove.")

    def add_arguments(self, parser):
        parser.add_argument("--remove", action="store_true", help=_("Beispiel-Organisationen entfernen"))

    def handle(self, *args, remove=False, **options):
        if remove:
            deleted = remove_samples()
            self.stdout.write(_("%(count)d Beispiel-Organisationen entfernt.") % {"count": deleted})
            return
        created, updated, unlocated = load_samples()
        self.stdout.write(
            _("Beispiel-Organisationen: %(created)d neu, %(updated)d aktualisiert, %(unlocated)d ohne Lage "
              "(von %(total)d).") % {"created": created, "updated": updated, "unlocated": unlocated,
                                    "total": len(SAMPLES)}
        )
