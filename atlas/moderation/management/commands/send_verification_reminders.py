"""Mails each organisation editor one digest of their organisations not verified for 12 months.

    python manage.py send_verification_reminders [--base-url https://atlas.example.org] [--dry-run]

Run daily (cron/systemd timer): an editor gets at most one digest per 30 days.
"""

from django.core.management.base import BaseCommand

from atlas.moderation.reminders import send_verification_reminders


class Command(BaseCommand):
    help = "Sendet Redakteur:innen eine Sammel-Erinnerung an Einträge, die seit 12 Monaten nicht geprüft wurden."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="", help="Adresse der Website für Links in der Mail")
        parser.add_argument("--dry-run", action="store_true", help="nur anzeigen, nichts senden")

    def handle(self, *args, base_url, dry_run, **options):
        digests = send_verification_reminders(base_url=base_url, dry_run=dry_run)
        for digest in digests:
            names = ", ".join(organisation.name for organisation in digest.organisations)
            self.stdout.write(f"{digest.user.get_username()} <{digest.user.email}>: {names}")
        verb = "fällig" if dry_run else "gesendet"
        self.stdout.write(self.style.SUCCESS(f"{len(digests)} Erinnerung(en) {verb}."))
