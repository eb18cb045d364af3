"""Factories of resources.

    make_resource(title="Leitfaden Vereinsgründung", kind="guide", topics=["law"])

Defaults make a published guide. Topics are keys (created if missing), languages codes. Slugs are
unique per call unless given.
"""

import itertools

from atlas.directory.models import PublicationStatus
from atlas.resources.models import Resource
from tests.atlas.events.factories import languages, topics

_counter = itertools.count(1)


def make_resource(**kw):
    n = next(_counter)
    resource_topics = topics(kw.pop("topics", []))
    resource_languages = languages(kw.pop("languages", []))
    kw.setdefault("title", f"Testressource {n}")
    kw.setdefault("slug", f"testressource-{n}")
    kw.setdefault("status", PublicationStatus.PUBLISHED)
    resource = Resource.objects.create(**kw)
    resource.topics.set(resource_topics)
    resource.languages.set(resource_languages)
    return resource
