"""The sample organisations are geocoded before their transaction opens (the geocoding chain may ask a
service on the network, which must not hold a database transaction open)."""

import pytest
from django.db import connection

from atlas.directory import samples
from atlas.directory.models import Organisation


@pytest.mark.django_db(transaction=True)
def test_samples_are_geocoded_outside_the_transaction(monkeypatch):
    seen = []
    real_geocode = samples.geocode

    def geocode(text):
        seen.append(connection.in_atomic_block)
        return real_geocode(text)

    monkeypatch.setattr(samples, "geocode", geocode)
    created, updated, unlocated = samples.load_samples()
    assert created == len(samples.SAMPLES) and unlocated == 0
    assert seen == [False] * len(samples.SAMPLES)
    assert Organisation.objects.filter(is_sample=True, location__isnull=False).count() == len(samples.SAMPLES)
