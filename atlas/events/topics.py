"""The first topics of events and resources. Coordinators edit them afterwards in the admin.

Used by migration 0005 and by tests that need them back after a database flush."""

TOPICS = [
    # key, German name
    ("project-management", "Projektmanagement"),
    ("fundraising", "Fördermittel und Fundraising"),
    ("advocacy", "Interessenvertretung"),
    ("networking", "Vernetzung"),
    ("language", "Sprache"),
    ("law", "Recht und Aufenthalt"),
    ("digital", "Digitales"),
    ("health", "Gesundheit"),
    ("culture", "Kultur"),
    ("volunteering", "Ehrenamt"),
]


def ensure_topics(apps=None):
    """Creates the topics that are missing; `apps` is the migration state or the live registry.
    Existing topics keep the name and position a coordinator gave them."""
    if apps is None:
        from django.apps import apps
    Topic = apps.get_model("atlas", "Topic")
    for position, (key, name) in enumerate(TOPICS):
        Topic.objects.get_or_create(key=key, defaults={"name": name, "position": position})
