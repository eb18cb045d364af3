"""The change history of an entry (django-simple-history): versions newest first, each with who,
when and what changed against the version before; and the revert to an earlier version, limited to
the fields the person reverting may edit."""

import datetime
from dataclasses import dataclass

from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from atlas.directory.models import MeetingPlace, Organisation
from atlas.directory.translations import TRANSLATION_FIELD_NAMES, initial_values, updated_translations
from atlas.events.models import Event
from atlas.moderation import services
from atlas.moderation.forms import OrganisationEditForm
from atlas.roles import permissions

# URL segment → model (the history pages are /verlauf/<kind>/<slug>/).
KINDS = {"organisation": Organisation, "treffpunkt": MeetingPlace, "veranstaltung": Event}
KIND_OF_MODEL = {model: kind for kind, model in KINDS.items()}
# Bookkeeping fields that change on every save and say nothing to a reader.
HIDDEN_FIELDS = {"updated", "search_text", "location_metric"}
# The forms through which someone who is not a coordinator changes an entry. Their fields, as the
# form is built for that person, are what a revert by them may restore.
EDIT_FORMS = {Organisation: OrganisationEditForm}
# Fields a changed address brings along: the geocoded point (atlas.moderation.services.locate).
ADDRESS_FIELDS = {"street", "postcode"}


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
    if isinstance(value, str) and isinstance(field, models.DateTimeField):  # a proposal's payload (ISO)
        value = parse_datetime(value) or value
    if isinstance(value, GEOSGeometry):
        return f"{value.y:.5f}, {value.x:.5f}"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "SHORT_DATETIME_FORMAT")
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


def tracked_fields(record):
    """The model fields the history records (every concrete field but the excluded ones)."""
    return [field for field in record.tracked_fields if not field.primary_key]


def editable_fields(user, entry):
    """Names of the model fields `user` may change on `entry`: all of them for coordinators; for
    anyone else who may edit the entry, the model fields of its edit form as that person gets it
    (``translations`` stands for the form's translation fields); none where there is no such form."""
    if permissions.is_coordinator(user):
        return frozenset(field.name for field in type(entry)._meta.concrete_fields if not field.primary_key)
    form_class = EDIT_FORMS.get(type(entry))
    if form_class is None or not permissions.can_edit_entry(user, entry):
        return frozenset()
    form = form_class(instance=entry, can_publish=permissions.can_publish(user))
    model_fields = {field.name for field in type(entry)._meta.concrete_fields}
    names = {name for name in form.fields if name in model_fields}
    if set(TRANSLATION_FIELD_NAMES) & set(form.fields):
        names.add("translations")
    return frozenset(names)


def may_revert(user, entry):
    """Whoever may edit the entry and has a field of it to restore."""
    return permissions.can_revert(user, entry) and bool(editable_fields(user, entry))


def revert(entry, history_id, user):
    """Restores the version `history_id` of the entry as a new version (the history keeps everything),
    but only the fields `user` may edit (editable_fields): publication status, network membership, a
    point set by hand and other fields of the coordination stay as they are now. Many-to-many fields
    are not recorded and stay too."""
    record = entry.history.get(history_id=history_id)
    old = record.instance
    names = editable_fields(user, entry)
    everything = {field.name for field in tracked_fields(record)} <= names
    address_before = [getattr(entry, name) for name in sorted(ADDRESS_FIELDS)]
    for field in tracked_fields(record):
        if field.name not in names:
            continue
        if field.name == "translations" and not everything:
            # Only the languages and texts the edit form edits (atlas.directory.translations).
            entry.translations = updated_translations(entry.translations, initial_values(old.translations))
        else:
            setattr(entry, field.attname, getattr(old, field.attname))
    if not everything and address_before != [getattr(entry, name) for name in sorted(ADDRESS_FIELDS)]:
        services.locate(entry)  # as when the editor changes the address in the edit form
    entry._history_user = user
    entry._change_reason = _("Version vom %(date)s wiederhergestellt") % {
        "date": date_format(record.history_date, "SHORT_DATETIME_FORMAT")}
    entry.save()
    return entry


def history_url(entry):
    return reverse("moderation:history", kwargs={"kind": KIND_OF_MODEL[type(entry)], "slug": entry.slug})
