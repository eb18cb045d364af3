"""Change history (who, when, what) of directory entries and events, with django-simple-history.

Registered here rather than as model fields so the models stay readable; the historical tables
are created by migration 0006.
"""

from simple_history import register

from atlas.directory.models import MeetingPlace, Organisation
from atlas.events.models import Event


def register_history():
    for model in (Organisation, MeetingPlace, Event):
        if not hasattr(model, "history"):
            register(model, app="atlas", excluded_fields=["search_text", "location_metric"])
