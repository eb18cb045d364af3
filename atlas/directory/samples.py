"""Invented organisations for demonstrations: `manage.py load_sample_organisations` (--remove).

Every name starts with "Beispiel: ", every entry has is_sample=True and is marked "Beispiel/Sample"
wherever it is shown. The addresses are real Spandau addresses, geocoded offline; e-mail addresses
and websites use the reserved domain example.org. Never loaded by default.
"""

from django.db import transaction
from django.utils import timezone

from atlas.directory.models import Organisation, PublicationStatus
from atlas.geocoding.service import apply_geocode, geocode

PREFIX = "Beispiel: "
WEEKDAYS = ("mo", "tu", "we", "th", "fr")


def _weekdays(start, end, days=WEEKDAYS):
    return {day: [[start, end]] for day in days}


SAMPLES = [
    {"slug": "beispiel-tuerkischer-elternverein-staaken", "name": "Türkisch-Deutscher Elternverein Staaken",
     "kind": "association", "address": ("Obstallee 22", "13593"),
     "short": "Elternberatung und Hausaufgabenhilfe auf Türkisch und Deutsch.",
     "categories": ["counselling", "homework-help", "family"], "languages": ["tr", "de"],
     "target_groups": ["families", "children"], "communities": ["turkish"],
     "hours": {**_weekdays("14:00", "18:00"), "sa": [["10:00", "13:00"]]}},
    {"slug": "beispiel-nachbarschaftscafe-heerstrasse", "name": "Nachbarschaftscafé Heerstraße Nord",
     "kind": "initiative", "address": ("Heerstraße 400", "13593"),
     "short": "Offenes Café mit Sprachtreff: Deutsch üben bei Tee und Kuchen.",
     "categories": ["neighbourhood", "language-courses"], "languages": ["de", "ar", "tr", "ru"],
     "target_groups": ["everyone", "newcomers"], "communities": ["all"],
     "hours": {"tu": [["15:00", "19:00"]], "th": [["15:00", "19:00"]]}},
    {"slug": "beispiel-arabischer-frauentreff", "name": "Arabischer Frauentreff Falkenhagener Feld",
     "kind": "community", "address": ("Falkenseer Chaussee 200", "13589"),
     "short": "Austausch, Beratung und Kinderbetreuung für arabischsprachige Frauen.",
     "categories": ["women", "counselling"], "languages": ["ar", "de"],
     "target_groups": ["women", "families"], "communities": ["arabic", "syrian"],
     "hours": {"we": [["10:00", "13:00"]], "fr": [["10:00", "13:00"]]}},
    {"slug": "beispiel-ukrainische-hilfe-spandau", "name": "Ukrainische Hilfe Spandau",
     "kind": "initiative", "address": ("Pichelsdorfer Straße 80", "13595"),
     "short": "Unterstützung Geflüchteter aus der Ukraine: Behördengänge, Wohnungssuche, Schule.",
     "categories": ["refugees", "counselling", "translation"], "languages": ["uk", "ru", "de"],
     "target_groups": ["refugees", "families"], "communities": ["ukrainian"],
     "hours": _weekdays("10:00", "16:00", ("mo", "we", "fr"))},
    {"slug": "beispiel-russischsprachiger-seniorenclub", "name": "Russischsprachiger Seniorenclub Wilhelmstadt",
     "kind": "association", "address": ("Seeburger Straße 20", "13581"),
     "short": "Treffen, Ausflüge und Gesundheitsvorträge für ältere Menschen.",
     "categories": ["seniors", "culture", "health"], "languages": ["ru", "de"],
     "target_groups": ["seniors"], "communities": ["russian-speaking"],
     "hours": {"mo": [["13:00", "17:00"]], "th": [["13:00", "17:00"]]}},
    {"slug": "beispiel-jugendsport-siemensstadt", "name": "Jugendsport Siemensstadt International",
     "kind": "association", "address": ("Nonnendammallee 100", "13629"),
     "short": "Fußball und Basketball für Jugendliche aus aller Welt.",
     "categories": ["sport", "youth"], "languages": ["de", "tr", "ar", "en"],
     "target_groups": ["youth"], "communities": ["all"],
     "hours": {"tu": [["16:00", "20:00"]], "th": [["16:00", "20:00"]], "sa": [["10:00", "14:00"]]}},
    {"slug": "beispiel-moscheegemeinde-haselhorst", "name": "Moscheegemeinde Haselhorst",
     "kind": "religious", "address": ("Gartenfelder Straße 30", "13599"),
     "short": "Religiöse Gemeinde mit Hausaufgabenhilfe und Sozialberatung.",
     "categories": ["religion", "homework-help", "counselling"], "languages": ["tr", "ar", "de"],
     "target_groups": ["everyone", "children"], "communities": ["turkish", "arabic"],
     "hours": {**_weekdays("10:00", "20:00", ("mo", "tu", "we", "th", "fr", "sa", "su"))}},
    {"slug": "beispiel-sprachcafe-hakenfelde", "name": "Sprachcafé Hakenfelde",
     "kind": "initiative", "address": ("Streitstraße 30", "13587"),
     "short": "Ehrenamtliche Deutschkurse für Anfänger:innen, ohne Anmeldung.",
     "categories": ["language-courses", "education"], "languages": ["de", "en", "fa", "ar"],
     "target_groups": ["newcomers", "refugees"], "communities": ["all"],
     "hours": {"mo": [["18:00", "20:00"]], "we": [["18:00", "20:00"]]}},
    {"slug": "beispiel-migrationsberatung-altstadt", "name": "Migrationsberatung Altstadt Spandau",
     "kind": "association", "address": ("Moritzstraße 12", "13597"),
     "short": "Aufenthaltsrecht, Arbeit und Ausbildung: Beratung in fünf Sprachen.",
     "categories": ["legal-advice", "work", "counselling"], "languages": ["de", "tr", "ar", "uk", "ru"],
     "target_groups": ["newcomers", "job-seekers"], "communities": ["all"],
     "hours": {**_weekdays("09:00", "13:00"), "th": [["09:00", "13:00"], ["14:00", "18:00"]]}},
    {"slug": "beispiel-kurdischer-kulturverein", "name": "Kurdischer Kulturverein Staaken",
     "kind": "association", "address": ("Magistratsweg 10", "13591"),
     "short": "Musik, Tanz und Sprachunterricht für Kinder.",
     "categories": ["culture", "education"], "languages": ["ku", "tr", "de"],
     "target_groups": ["children", "youth"], "communities": ["kurdish"],
     "hours": {"sa": [["11:00", "16:00"]], "su": [["11:00", "16:00"]]}},
    {"slug": "beispiel-familienzentrum-kladow", "name": "Familienzentrum am Wasser Kladow",
     "kind": "association", "address": ("Sakrower Landstraße 10", "14089"),
     "short": "Eltern-Kind-Gruppen, Beratung und ein Sprachtreff für Familien.",
     "categories": ["family", "neighbourhood"], "languages": ["de", "pl", "en"],
     "target_groups": ["families", "children"], "communities": ["polish", "all"],
     "hours": _weekdays("09:00", "15:00")},
    # An individual actor without consent to publish the address: shown at planning-area level only.
    {"slug": "beispiel-sprachmittlerin-falkenhagener-feld", "name": "Sprachmittlerin Falkenhagener Feld",
     "kind": "individual", "address": ("Westerwaldstraße 12", "13589"), "address_consent": False,
     "short": "Begleitung zu Ärzt:innen und Ämtern auf Arabisch und Persisch, nach Absprache.",
     "categories": ["translation", "health"], "languages": ["ar", "fa", "de"],
     "target_groups": ["refugees", "women"], "communities": ["arabic", "afghan"],
     "hours": {}, "note": "Termine nach Vereinbarung per E-Mail."},
]


def _fields(sample):
    return {
        "name": PREFIX + sample["name"],
        "kind": sample["kind"],
        "short_description": sample["short"],
        "description": (f"{sample['short']}\n\nDies ist ein erfundener Beispieleintrag zur Vorführung des "
                        "MigrAktiv Atlas. This is an invented sample entry."),
        "street": sample["address"][0],
        "postcode": sample["address"][1],
        "website": f"https://{sample['slug']}.example.org/",
        "email": f"kontakt@{sample['slug']}.example.org",
        "phone": "030 0000000",
        "opening_hours": sample["hours"],
        "opening_hours_note": sample.get("note", ""),
        "status": PublicationStatus.PUBLISHED,
        "is_sample": True,
        "consent_publish_contact": True,
        "consent_publish_address": sample.get("address_consent", True),
        "last_verified": timezone.localdate(),
    }


def load_samples():
    """Creates or refreshes the sample organisations → (created, updated, not located). The addresses
    are geocoded first, outside the transaction (the chain may ask a service on the network)."""
    located = {sample["slug"]: geocode(f"{sample['address'][0]}, {sample['address'][1]} Berlin")
               for sample in SAMPLES}
    with transaction.atomic():
        return _write_samples(located)


def _write_samples(located):
    created = updated = unlocated = 0
    for sample in SAMPLES:
        organisation = Organisation.objects.filter(slug=sample["slug"]).first()
        if organisation is not None and not organisation.is_sample:
            continue  # a real entry with this slug: never touched
        if organisation is None:
            organisation = Organisation(slug=sample["slug"])
            created += 1
        else:
            updated += 1
        for field, value in _fields(sample).items():
            setattr(organisation, field, value)
        result = located[sample["slug"]]
        apply_geocode(organisation, result)
        unlocated += 0 if result else 1
        organisation.save()
        organisation.categories.set(_vocabulary("categories", sample["categories"]))
        organisation.languages.set(_vocabulary("languages", sample["languages"]))
        organisation.target_groups.set(_vocabulary("target_groups", sample["target_groups"]))
        organisation.communities.set(_vocabulary("communities", sample["communities"]))
    return created, updated, unlocated


def _vocabulary(relation, keys):
    model = Organisation._meta.get_field(relation).related_model
    field = "code" if relation == "languages" else "key"
    objects = {getattr(item, field): item for item in model.objects.filter(**{f"{field}__in": keys})}
    # In the given order: the first category is the primary one (colour on the map).
    return [objects[key] for key in keys if key in objects]


def remove_samples():
    samples = Organisation.objects.filter(is_sample=True, name__startswith=PREFIX)
    count = samples.count()
    samples.delete()
    return count
