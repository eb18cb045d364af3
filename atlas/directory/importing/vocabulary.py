"""The values an import cell may name: the directory's vocabularies (Tätigkeitsfelder, Sprachen, …) and the
fixed choices (Art, Status, Barrierefreiheit, Genauigkeit), matched folded (case, umlauts and spaces do
not matter). An unknown value is reported with the values the file may use, and the nearest of them when
one is close (rapidfuzz), e.g. „Berattung“ → „Beratung“, „Nachhilfe“ → „Hausaufgabenhilfe“.

The same lists make the help page's tables and the templates' lists of values (atlas/directory/importing/
templates.py, help.py), so what the page promises is what the import accepts.
"""

import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rapidfuzz import fuzz, process

from atlas.directory.importing.values import key, split_list
from atlas.directory.models import (
    Category,
    Community,
    Language,
    LocationPrecision,
    MeetingPlaceType,
    Organisation,
    PublicationStatus,
    TargetGroup,
    WheelchairAccess,
)

# rapidfuzz WRatio (0–100) at which a known value counts as what was meant: typos, plurals and longer
# words ("Sportverein" → "Sport") reach 90, unrelated words ("Kochen" ~ "Frauen") stay near 55.
SUGGESTION_CUTOFF = 70

# Table → the label of an unknown value of it in the report.
UNKNOWN_LABELS = {
    "categories": gettext_lazy("Unbekanntes Tätigkeitsfeld"),
    "languages": gettext_lazy("Unbekannte Sprache"),
    "target_groups": gettext_lazy("Unbekannte Zielgruppe"),
    "communities": gettext_lazy("Unbekannte Community"),
    "place_type": gettext_lazy("Unbekannte Art des Treffpunkts"),
    "kind": gettext_lazy("Unbekannte Art"),
    "status": gettext_lazy("Unbekannter Status"),
    "wheelchair_access": gettext_lazy("Barrierefreiheit: unbekannter Wert"),
    "location_precision": gettext_lazy("Genauigkeit der Lage: unbekannter Wert"),
}
LIST_TABLES = ("categories", "languages", "target_groups", "communities")
# Words people write for the fixed choices besides their labels and keys.
EXTRA_WORDS = {
    "status": {"öffentlich": PublicationStatus.PUBLISHED, "wartet": PublicationStatus.PENDING,
               "in Prüfung": PublicationStatus.PENDING},
    "wheelchair_access": {"ja": WheelchairAccess.YES, "nein": WheelchairAccess.NO,
                          "teilweise": WheelchairAccess.LIMITED, "": WheelchairAccess.UNKNOWN},
}


@dataclass(frozen=True)
class Value:
    """One value a cell may hold: `written` is what the file should say (the German name), `key` the
    stable key (also accepted), `meaning` the name in the reader's language, `target` what it stands
    for (a vocabulary object or a choice's value)."""

    written: str
    key: str
    meaning: str
    target: object


class Table:
    def __init__(self, values, extra_words=()):
        self.values = values
        self.words = {}
        for value in values:
            for word in (value.key, value.written):
                self.words.setdefault(key(word), value)
        for word, value in extra_words:
            self.words.setdefault(key(word), value)

    def get(self, text):
        value = self.words.get(key(text))
        return value.target if value else None

    def suggest(self, text):
        """The written form of the known value nearest to `text`, or None when none is close."""
        folded = key(text)
        if not folded:
            return None
        match = process.extractOne(folded, list(self.words), scorer=fuzz.WRatio, score_cutoff=SUGGESTION_CUTOFF)
        return self.words[match[0]].written if match else None

    def allowed(self):
        return [value.written for value in self.values]


def _vocabulary(queryset):
    return Table([Value(item.name, item.key, item.label, item) for item in queryset])


def _languages():
    values, extra = [], []
    for language in Language.objects.all():
        values.append(Value(language.german_name, language.code, language.native_name, language))
        extra.append((language.native_name, values[-1]))
        # "Persisch (Farsi)" is also found as "Persisch" and as "Farsi".
        extra += [(part, values[-1]) for part in re.split(r"[()]", language.german_name) if part.strip()]
    return Table(values, extra)


def _choices(choices, name):
    with translation.override("de"):
        german = {value: str(label) for value, label in choices}
    values = [Value(german[value], value, str(label), value) for value, label in choices]
    by_target = {value.target: value for value in values}
    extra = [(word, by_target[target]) for word, target in EXTRA_WORDS.get(name, {}).items()]
    return Table(values, extra)


class Vocabularies:
    """All values an import may name, read once per import."""

    def __init__(self):
        self.tables = {
            "categories": _vocabulary(Category.objects.all()),
            "target_groups": _vocabulary(TargetGroup.objects.all()),
            "communities": _vocabulary(Community.objects.all()),
            "place_type": _vocabulary(MeetingPlaceType.objects.all()),
            "languages": _languages(),
            "kind": _choices(Organisation.Kind.choices, "kind"),
            "status": _choices(PublicationStatus.choices, "status"),
            "wheelchair_access": _choices(WheelchairAccess.choices, "wheelchair_access"),
            "location_precision": _choices(LocationPrecision.choices, "location_precision"),
        }

    def lookup(self, table, text):
        return self.tables[table].get(text)

    def lookup_list(self, table, text):
        """(objects, unknown values) for a cell with several values."""
        found, unknown = [], []
        for value in split_list(text):
            item = self.lookup(table, value)
            if item is None:
                unknown.append(value)
            elif item not in found:
                found.append(item)
        return found, unknown

    def unknown(self, table, value):
        """The report's message for an unknown value: the value, the nearest known one, the allowed ones."""
        table_values = self.tables[table]
        allowed = ", ".join(table_values.allowed())
        suggestion = table_values.suggest(value)
        arguments = {"label": UNKNOWN_LABELS[table], "value": value, "allowed": allowed, "suggestion": suggestion}
        if suggestion:
            return _("%(label)s: „%(value)s“. Meinten Sie „%(suggestion)s“? Erlaubt sind: %(allowed)s") % arguments
        return _("%(label)s: „%(value)s“. Erlaubt sind: %(allowed)s") % arguments

    def parse(self, values, parsed, errors, kind):
        """The vocabulary cells of a row into `parsed` (model values); messages for unknown ones into `errors`."""
        for table in LIST_TABLES:
            if table in values:
                found, unknown = self.lookup_list(table, values[table])
                parsed[table] = found
                errors += [self.unknown(table, value) for value in unknown]
        if values.get("kind"):
            table, field_name = ("kind", "kind") if kind == "organisations" else ("place_type", "place_type")
            self._one(table, field_name, values["kind"], parsed, errors)
        if "wheelchair_access" in values:
            self._one("wheelchair_access", "wheelchair_access", values["wheelchair_access"], parsed, errors)
        for field_name in ("status", "location_precision"):
            if values.get(field_name):
                self._one(field_name, field_name, values[field_name], parsed, errors)

    def _one(self, table, field_name, text, parsed, errors):
        target = self.lookup(table, text)
        if target is None:
            errors.append(self.unknown(table, text))
        else:
            parsed[field_name] = target

