"""The columns an import file may have: German headers (as the export writes them), common variants
and English names. Headers are compared folded (case, umlauts, spaces and punctuation ignored)."""

from common.text import fold_words

# field → accepted headers. The first header is the one the export and the docs use.
COMMON = {
    "name": ["Name", "Titel", "Bezeichnung"],
    "slug": ["Kurzname", "Slug"],
    "kind": ["Art", "Typ", "Kind", "Type"],
    "short_description": ["Kurzbeschreibung", "Kurztext", "Short description", "Summary"],
    "description": ["Beschreibung", "Description"],
    "street": ["Straße", "Strasse", "Str", "Straße und Hausnummer", "Adresse", "Anschrift", "Street", "Address"],
    "house_number": ["Hausnummer", "Hausnr", "Nr", "House number", "Number"],
    "postcode": ["PLZ", "Postleitzahl", "Postcode", "Postal code", "Zip", "Zip code"],
    # Read and not stored: the city is always Berlin; the rest are columns the export writes.
    "ignored": ["Ort", "Stadt", "City", "Ortsteil", "Planungsraum", "Planungsraum-Schlüssel",
                "zuletzt geprüft", "Beispieldatensatz", "Lage fehlt", "Lage von Hand gesetzt", "angelegt", "geändert",
                "Quelle"],
    "website": ["Website", "Webseite", "Homepage", "Internet", "URL", "Web"],
    "email": ["E-Mail", "Email", "Mail", "E-Mail-Adresse"],
    "phone": ["Telefon", "Tel", "Telefonnummer", "Phone", "Telephone"],
    "lat": ["Breitengrad", "Breite", "Lat", "Latitude", "geographische Breite"],
    "lon": ["Längengrad", "Länge", "Lon", "Lng", "Longitude", "geographische Länge"],
    "location_precision": ["Genauigkeit der Lage", "Genauigkeit", "Precision", "Location precision"],
    "status": ["Status"],
    "wheelchair_access": ["Barrierefreiheit", "Rollstuhlgerecht", "Wheelchair", "Wheelchair access"],
    "opening_hours_note": ["Hinweis zu Öffnungszeiten", "Öffnungszeiten", "Opening hours"],
}

ORGANISATION = {
    **COMMON,
    "kind": ["Art", "Typ", "Organisationsart", "Kind", "Type"],
    "categories": ["Tätigkeitsfelder", "Tätigkeitsfeld", "Kategorien", "Kategorie", "Themen", "Categories",
                   "Category", "Fields of activity"],
    "languages": ["Sprachen", "Sprache", "gesprochene Sprachen", "Languages", "Language"],
    "target_groups": ["Zielgruppen", "Zielgruppe", "Target groups", "Target group"],
    "communities": ["Communities", "Community", "Herkunftsregionen", "Communities / Herkunftsregionen"],
    "consent_publish_contact": ["Einwilligung Kontakt", "Einwilligung Kontaktdaten", "Consent contact"],
    "consent_publish_address": ["Einwilligung Adresse", "Consent address"],
    "network_member": ["Netzwerkmitglied", "Mitglied im Netzwerk", "Mitglied im Netzwerk MigrAktiv",
                       "Network member"],
    "founded_year": ["Gründungsjahr", "gegründet", "Founded", "Founded year", "Year founded"],
    "legal_form": ["Rechtsform", "Legal form"],
}

MEETING_PLACE = {
    **COMMON,
    "kind": ["Art", "Typ", "Art des Treffpunkts", "Kind", "Type", "Place type"],
    "operator_name": ["Betreiber", "Träger", "Operator"],
    "bookable": ["buchbar", "Bookable"],
    "cost": ["Kosten", "Cost"],
    "accessibility_note": ["Hinweise zur Barrierefreiheit", "Accessibility note"],
}

# Columns of the other kind: recognised, reported as "not used for this kind" instead of "unknown".
ALL_FIELDS = {**ORGANISATION, **MEETING_PLACE}

IGNORED = {"ignored"}

LIST_FIELDS = {"categories", "languages", "target_groups", "communities"}
BOOLEAN_FIELDS = {"consent_publish_contact", "consent_publish_address", "network_member", "bookable"}


def header_key(text):
    """'  E-Mail ' → 'email', 'Längengrad' → 'langengrad'."""
    return fold_words(str(text or "")).replace(" ", "")


def header_map(columns):
    """{folded header → field} for one kind's columns."""
    mapping = {}
    for field, headers in columns.items():
        for header in headers:
            mapping.setdefault(header_key(header), field)
    return mapping


def columns_for(kind):
    return ORGANISATION if kind == "organisations" else MEETING_PLACE
