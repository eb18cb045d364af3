# Signed timestamps of the public forms are good for one proposal each (atlas.moderation.spam).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("atlas", "0010_email_verification")]

    operations = [
        migrations.CreateModel(
            name="UsedFormToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("digest", models.CharField(max_length=64, unique=True)),
                ("used", models.DateTimeField(auto_now_add=True, db_index=True)),
            ],
        ),
    ]
