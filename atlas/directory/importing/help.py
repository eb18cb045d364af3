"""What the help page of the import and the templates say about each column, built from the columns the
import reads (columns.py) and the values it accepts (vocabulary.py), so the page cannot promise what the
import refuses."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from atlas.directory.importing import columns as cols
from atlas.directory.importing.vocabulary import Vocabularies

SEVERAL = _("Mehrere Werte, getrennt durch Komma, Semikolon oder Schrägstrich (erlaubte Werte unten)")
YES_NO = _("ja oder nein (auch x, 1 oder 0); leer: nein")

# field → what the cell holds. Columns of one kind only are listed in its order below.
DESCRIPTIONS = {
    "name": _("Pflichtfeld: der Name des Eintrags"),
    "slug": _("Optional: findet einen bestehenden Eintrag wieder; sonst wird er aus dem Namen gebildet"),
    "short_description": _("Kurzer Text, höchstens 300 Zeichen"),
    "description": _("Längerer Text; Zeilenumbrüche sind erlaubt"),
    "street": _("Straße, auch mit Hausnummer"),
    "house_number": _("Hausnummer, wenn sie nicht in der Spalte Straße steht"),
    "postcode": _("Fünfstellige Postleitzahl"),
    "website": _("Internetadresse; www.beispiel.de wird zu https://www.beispiel.de"),
    "email": _("E-Mail-Adresse"),
    "phone": _("Telefonnummer als Text"),
    "lat": _("Breitengrad mit Komma oder Punkt, z. B. 52,5361; nur zusammen mit Längengrad"),
    "lon": _("Längengrad mit Komma oder Punkt, z. B. 13,2001; nur zusammen mit Breitengrad"),
    "location_precision": _("Wie genau die Koordinaten sind (ein Wert, siehe unten); leer: genau"),
    "status": _("Nur bei Koordinator:innen übernommen (ein Wert, siehe unten); leer: wartet auf Prüfung"),
    "wheelchair_access": _("Ein Wert, siehe unten; leer: unbekannt"),
    "opening_hours_note": _("Öffnungszeiten als Text"),
    "categories": SEVERAL,
    "languages": _("Mehrere Werte: ISO-Code (tr), deutscher Name (Türkisch) oder Name in der Sprache (Türkçe)"),
    "target_groups": SEVERAL,
    "communities": SEVERAL,
    "consent_publish_contact": YES_NO,
    "consent_publish_address": YES_NO,
    "network_member": YES_NO,
    "founded_year": _("Vierstellige Jahreszahl"),
    "legal_form": _("Text, z. B. e. V."),
    "operator_name": _("Name des Trägers als Text"),
    "bookable": YES_NO,
    "cost": _("Kosten als Text"),
    "accessibility_note": _("Hinweise zur Barrierefreiheit als Text"),
}
KIND_DESCRIPTIONS = {
    "organisations": _("Art der Organisation (ein Wert, siehe unten); leer: Verein"),
    "meeting-places": _("Art des Treffpunkts (ein Wert, siehe unten); leer: Sonstiger Treffpunkt"),
}

# The columns of the templates and of the help page, in the order a person fills them in.
FIELDS = {
    "organisations": ["name", "kind", "short_description", "description", "categories", "languages",
                      "target_groups", "communities", "street", "house_number", "postcode", "website", "email",
                      "phone", "consent_publish_contact", "consent_publish_address", "network_member",
                      "founded_year", "legal_form", "wheelchair_access", "opening_hours_note", "lat", "lon",
                      "location_precision", "status", "slug"],
    "meeting-places": ["name", "kind", "short_description", "description", "street", "house_number", "postcode",
                       "operator_name", "bookable", "cost", "website", "email", "phone", "wheelchair_access",
                       "accessibility_note", "opening_hours_note", "lat", "lon", "location_precision", "status",
                       "slug"],
}

# The value tables of a kind: (anchor, vocabulary table, heading). "kind" is the Art of the kind.
VALUE_TABLES = {
    "organisations": [("kind", "kind", _("Art")), ("categories", "categories", _("Tätigkeitsfelder")),
                      ("languages", "languages", _("Sprachen")), ("target_groups", "target_groups", _("Zielgruppen")),
                      ("communities", "communities", _("Communities"))],
    "meeting-places": [("kind", "place_type", _("Art des Treffpunkts"))],
}
COMMON_VALUE_TABLES = [("wheelchair_access", "wheelchair_access", _("Barrierefreiheit")),
                       ("location_precision", "location_precision", _("Genauigkeit der Lage")),
                       ("status", "status", _("Status"))]


@dataclass
class Column:
    field: str
    header: str  # what the template writes
    also: list  # other headers the import recognises
    description: str
    values_anchor: str = ""  # the id of its table of allowed values on the help page
    table: str = ""  # the vocabulary table of a single-value column (a list in the XLSX template)
    yes_no: bool = False


def columns(kind):
    headers = cols.columns_for(kind)
    tables = {anchor: table for anchor, table, _heading in VALUE_TABLES[kind] + COMMON_VALUE_TABLES}
    result = []
    for field in FIELDS[kind]:
        description = KIND_DESCRIPTIONS[kind] if field == "kind" else DESCRIPTIONS[field]
        table = tables.get(field, "")
        result.append(Column(field=field, header=headers[field][0], also=headers[field][1:],
                             description=str(description), values_anchor=f"values-{field}" if table else "",
                             table=table if field not in cols.LIST_FIELDS else "",
                             yes_no=field in cols.BOOLEAN_FIELDS))
    return result


def value_tables(kind, vocabularies=None):
    """[(anchor, heading, [Value])] for the help page and the templates' list of values."""
    vocabularies = vocabularies or Vocabularies()
    return [(f"values-{anchor}", str(heading), vocabularies.tables[table].values)
            for anchor, table, heading in VALUE_TABLES[kind] + COMMON_VALUE_TABLES]
