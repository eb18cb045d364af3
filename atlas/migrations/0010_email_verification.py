# E-mail confirmation of accounts (issue 9, point 1): proposals are matched to an account only
# through a confirmed address.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("atlas", "0009_published_name_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ConfirmedEmail",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("email", models.EmailField(max_length=254, verbose_name="bestätigte E-Mail-Adresse")),
                ("confirmed", models.DateTimeField(verbose_name="bestätigt am")),
                ("user", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE,
                                              related_name="confirmed_email", to=settings.AUTH_USER_MODEL,
                                              verbose_name="Konto")),
            ],
            options={
                "verbose_name": "bestätigte E-Mail-Adresse",
                "verbose_name_plural": "bestätigte E-Mail-Adressen",
            },
        ),
    ]
