"""PostGIS: trigram indexes (pg_trgm, GIN) on the folded search texts of organisations and meeting places.

The directory search looks for words inside the search texts (``LIKE '%…%'``, atlas/directory/search/),
and asks whether a word occurs at all before it treats it as a typo. Without an index each of these
reads every row; with it a rare word — a name, a typo, a word found nowhere — is answered from the index
(benchmarks/search.py, docs/performance.md). SpatiaLite has no pg_trgm: nothing happens there, the
search gives the same answers by reading the rows. The indexes are not in the models' Meta (a GIN
operator class cannot be declared there for SpatiaLite too); Django's autodetector does not know them.
pg_trgm is a trusted extension: the database owner may create it without being a superuser.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [("atlas_organisation", "organisation_search_trgm"), ("atlas_meetingplace", "meetingplace_search_trgm")]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name in INDEXES:
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin (search_text gin_trgm_ops)')


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):

    dependencies = [
        ("atlas", "0012_area_subscriptions"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
