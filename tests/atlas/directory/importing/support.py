"""The files of the import tests (test_files.py, test_command_and_admin.py), and two helpers.

All rows are invented test data ("Testverein …"); addresses are real Spandau addresses, so the offline
geocoder of the session's real data finds them.
"""

from atlas.directory.models import MeetingPlace, Organisation

HEADER = ("Name;Art;Kurzbeschreibung;Beschreibung;Tätigkeitsfelder;Sprachen;Zielgruppen;Communities;Straße;"
          "Hausnummer;PLZ;Website;E-Mail;Telefon;Breitengrad;Längengrad;Einwilligung Kontakt;Einwilligung Adresse;"
          "Netzwerkmitglied;Gründungsjahr;Status")

# Line 1 header; line 2 a plain row; lines 3–5 one record whose description spans three lines;
# line 6 coordinates with decimal commas; line 7 an empty Excel row (skipped, but counted).
MESSY_CSV = (
    HEADER + "\r\n"
    "Testverein Brücke;Verein;Beratung für Familien;;Beratung, Sprachkurse;tr / Deutsch;Familien;türkeistämmig;"
    "Carl-Schurz-Str.;31;13597;www.testverein-bruecke.example;kontakt@testverein-bruecke.example;030 1234567;;;"
    "ja;ja;ja;1998;\r\n"
    "Testinitiative Café Öl;initiative;;\"Erste Zeile\nzweite Zeile; mit Semikolon\ndritte Zeile\";"
    "\"Kultur; Nachbarschaft und Begegnung\";RU/ar;alle;;Breite Straße;20;13597;;;;;;nein;nein;nein;;\r\n"
    "Testverein Koordinaten;Verein;;;JUGEND;Englisch;Jugendliche;;;;;;;;52,5361;13,2001;nein;ja;nein;2015;\r\n"
    ";;;;;;;;;;;;;;;;;;;;\r\n"
)


def counts():
    return Organisation.objects.count(), MeetingPlace.objects.count()


def statuses(report):
    return [(row.line, row.status) for row in report.rows]


# Line 1 header; lines 2–10 one problem each (the comments give the line of the file).
BAD_CSV = (
    "Name;Tätigkeitsfelder;Sprachen;Straße;PLZ;E-Mail;Website;Gründungsjahr;Breitengrad;Längengrad\n"
    "Testverein Gut;Beratung;de;Carl-Schurz-Str. 31;13597;;;;;\n"                       # 2
    ";Beratung;de;Carl-Schurz-Str. 31;13597;;;;;\n"                                     # 3 missing name
    "Testverein Zauber;Zauberei, Kultur;Klingonisch;;;;;;;\n"                           # 4 unknown values
    "\"Testverein\nMehrzeilig\";Kultur;de;Nirgendwostraße 5;13597;;;;;\n"               # 5–6 address unknown
    "Testverein Kaputt;Kultur;de;;;kaputt@;http://;3000;;\n"                            # 7 bad email, URL, year
    "Testverein Alexanderplatz;Kultur;de;;;;;;52,5219;13,4132\n"                        # 8 outside Spandau
    "Testverein Vertauscht;Kultur;de;;;;;;13,2001;52,5361\n"                            # 9 swapped
    "Testverein Gut;Kultur;de;;13597;;;;;\n"                                            # 10 twice in the file
)

# One clean row, imported twice by the update tests.
CLEAN_CSV = (
    "Name;Tätigkeitsfelder;Straße;PLZ;Kurzbeschreibung\n"
    "Testverein Wiederholung;Beratung;Carl-Schurz-Str. 31;13597;erste Fassung\n"
)
