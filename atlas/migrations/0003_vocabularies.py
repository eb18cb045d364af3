from django.db import migrations

from atlas.directory.initial_vocabularies import ensure_vocabularies


def create(apps, schema_editor):
    ensure_vocabularies(apps)


class Migration(migrations.Migration):
    dependencies = [("atlas", "0002_directory")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
