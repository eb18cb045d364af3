"""Factories of the moderation tests: the data of a proposal's form, with the signed timestamp its spam
protection expects."""

import time

from atlas.moderation import spam


def started(seconds_ago=10):
    """The form's signed timestamp of a form opened ``seconds_ago``."""
    return spam.new_timestamp(time.time() - seconds_ago)


def organisation_data(**changes):
    """The fields of a complete proposal of an organisation, with ``changes``."""
    data = {"name": "Kurdischer Kulturverein Spandau", "kind": "association",
            "short_description": "Kultur und Beratung", "description": "", "street": "Obstallee 22",
            "postcode": "13593", "website": "", "email": "", "phone": "", "opening_hours_note": "",
            "wheelchair_access": "unknown", "submitter_name": "Ayşe", "submitter_email": "ayse@example.org",
            "privacy": "on", "contact_url": "", "started": started()}
    data.update(changes)
    return data
