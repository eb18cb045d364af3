"""The first topics of events and resources. Coordinators edit them afterwards in the admin.

Used by migration 0005 and by tests that need them back after a database flush."""

from django.apps import apps as live_apps
from django.utils.translation import gettext_noop

from common.vocabularies import seed_vocabulary

TOPICS = [
    # key, German name
    ("project-management", gettext_noop("Projektmanagement")),
    ("fundraising", gettext_noop("Fördermittel und Fundraising")),
    ("advocacy", gettext_noop("Interessenvertretung")),
    ("networking", gettext_noop("Vernetzung")),
    ("language", gettext_noop("Sprache")),
    ("law", gettext_noop("Recht und Aufenthalt")),
    ("digital", gettext_noop("Digitales")),
    ("health", gettext_noop("Gesundheit")),
    ("culture", gettext_noop("Kultur")),
    ("volunteering", gettext_noop("Ehrenamt")),
]


def ensure_topics(apps=None):
    """Creates the topics that are missing; `apps` is the migration state or the live registry.
    Existing topics keep the name and position a coordinator gave them."""
    seed_vocabulary((apps or live_apps).get_model("atlas", "Topic"), TOPICS, refresh=False)
