"""The change history of an entry (django-simple-history): versions newest first, each with who,
when and what changed against the version before; and the revert to an earlier version."""

import datetime
from dataclasses import dataclass

from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import FieldDoesNotExist
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from atlas.models import Event, MeetingPlace, Organisation

# URL segment → model (the history pages are /verlauf/<kind>/<slug>/).
KINDS = {"organisation": Organisation, "treffpunkt": MeetingPlace, "veranstaltung": Event}
KIND_OF_MODEL = {model: kind for kind, model in KINDS.items()}
# Bookkeeping fields that change on every save and say nothing to a reader.
HIDDEN_FIELDS = {"updated", "search_text", "location_metric"}


@dataclass
class Change:
    field: str
    label: str
    old: str
    new: str


def display_value(model, name, value):
    if value is None or value == "":
        return "–"
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, GEOSGeometry):
        return f"{value.y:.5f}, {value.x:.5f}"
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if field.is_relation and field.related_model is not None:
        related = field.related_model.objects.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    return str(value)


def payload_display(model, name, value):
    """A submitted value for reading: choices by label, related objects by name."""
    if isinstance(value, list):
        try:
            related = model._meta.get_field(name).related_model
        except FieldDoesNotExist:
            related = None
        if related is not None:
            return ", ".join(str(item) for item in related.objects.filter(pk__in=value)) or "–"
        return ", ".join(str(item) for item in value) or "–"
    return display_value(model, name, value)


def field_label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def changes_of(record):
    """The fields this version changed against the previous one (none for the first version)."""
    previous = record.prev_record
    if previous is None:
        return []
    model = record.instance_type
    delta = record.diff_against(previous, excluded_fields=HIDDEN_FIELDS)
    return [Change(field=change.field, label=field_label(model, change.field),
                   old=display_value(model, change.field, change.old),
                   new=display_value(model, change.field, change.new))
            for change in delta.changes]


def versions(entry, limit=100):
    records = entry.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit]
    return [{"record": record, "changes": changes_of(record)} for record in records]


def revert(entry, history_id, user, keep_status=False):
    """Restores the version `history_id` of the entry as a new version (the history keeps everything).
    With keep_status the current publication status stays (editors may not publish)."""
    record = entry.history.get(history_id=history_id)
    restored = record.instance
    if keep_status:
        restored.status = entry.status
    restored._history_user = user
    restored._change_reason = _("Version vom %(date)s wiederhergestellt") % {
        "date": date_format(record.history_date, "SHORT_DATETIME_FORMAT")}
    restored.save()
    return restored
