"""Signals of the geodata app, for apps that keep something derived from its data."""

from django.dispatch import Signal

# Sent after import_geodata changed the database. The importer writes in bulk (bulk_create,
# bulk_update), past the models' post_save signals. Keyword argument: report (importers.sync.Report).
geodata_imported = Signal()
