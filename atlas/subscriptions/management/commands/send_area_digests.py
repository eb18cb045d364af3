"""Mails each confirmed area subscription that is due the news of its area ("Neues in meiner Nähe").

    python manage.py send_area_digests [--base-url https://atlas.example.org]

Run daily (cron or a systemd timer): a subscriber gets at most one digest a week and none when nothing
is new; a second run on the same day sends nothing. It also deletes subscriptions that were not
confirmed in time. Links in the mails start with --base-url, else with settings.ATLAS_SITE_URL.
"""

from django.core.management.base import BaseCommand, CommandError

from atlas.subscriptions.conf import site_url
from atlas.subscriptions.digests import run_digests


class Command(BaseCommand):
    help = "Sendet Abonnent:innen von „Neues in meiner Nähe“ die fällige Zusammenfassung."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="", help="Adresse der Website für Links in der Mail "
                                                           "(Standard: ATLAS_SITE_URL)")

    def handle(self, *args, base_url, **options):
        base_url = (base_url or site_url()).rstrip("/")
        if not base_url.startswith(("https://", "http://")):
            raise CommandError("Bitte --base-url https://… angeben oder ATLAS_SITE_URL setzen.")
        run = run_digests(base_url)
        self.stdout.write(self.style.SUCCESS(
            f"{run.digests_sent} Zusammenfassung(en) gesendet ({run.subscriptions_due} fällig, "
            f"{run.new_entries} neu veröffentlichte Einträge, "
            f"{run.expired_deleted} unbestätigte Abonnements gelöscht)."))
