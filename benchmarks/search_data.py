"""Synthetic organisations for benchmarks/search.py: names with a made-up namesake each (so the directory
has thousands of distinct words, as a real one would), descriptions from a pool of sentences, a fifth of
them translated, one in a hundred a mosque by name. Invented, marked is_sample."""

from django.conf import settings
from django.contrib.gis.geos import Point

ATTRIBUTES = ["Deutsch-Türkischer", "Arabischer", "Ukrainischer", "Kurdischer", "Polnischer", "Afrikanischer",
              "Interkultureller", "Syrischer", "Vietnamesischer", "Russischsprachiger", "Internationaler",
              "Afghanischer", "Iranischer", "Bosnischer"]
KINDS = ["Elternverein", "Frauentreff", "Jugendclub", "Kulturverein", "Sportverein", "Seniorentreff",
         "Nachbarschaftsverein", "Bildungswerk", "Familienzentrum", "Musikverein", "Hilfsnetzwerk", "Begegnungscafé"]
SYLLABLES = ["ka", "lo", "mi", "ra", "sun", "te", "vel", "an", "dor", "ish", "ko", "ne", "ba", "zel", "fi", "mar",
             "ul", "ot", "pra", "we", "ha", "jin", "ce", "do"]
STREETS = ["Seeburger Straße", "Obstallee", "Carl-Schurz-Straße", "Heerstraße", "Pionierstraße", "Falkenseer Chaussee",
           "Brunsbütteler Damm", "Klosterstraße", "Wilhelmstraße", "Neuendorfer Straße", "Lynarstraße"]
SENTENCES = [
    "Wir bieten Beratung in mehreren Sprachen.", "Gemeinsames Frühstück jeden Dienstag.",
    "Hausaufgabenhilfe für Schulkinder am Nachmittag.", "Deutschkurse für Anfängerinnen und Anfänger.",
    "Fußball und Basketball für Jugendliche.", "Begleitung zu Behörden und Ärzten.",
    "Unterstützung bei der Wohnungssuche.", "Tanz, Musik und Theater für alle Generationen.",
    "Offener Treff mit Tee und Kuchen.", "Sozialberatung und Hilfe bei Anträgen.",
    "Sprachcafé für Deutsch und Englisch.", "Ausflüge und Gesundheitsvorträge für Ältere.",
    "Elternabende und Familienfeste im Kiez.", "Nähkurs und Handarbeit für Frauen.",
    "Bewerbungstraining und Jobsuche.", "Computerkurs für Einsteigerinnen.",
]
TRANSLATIONS = {
    "tr": ["Her salı ortak kahvaltı.", "Birçok dilde danışmanlık.", "Gençler için futbol."],
    "ar": ["فطور مشترك كل يوم ثلاثاء.", "استشارات بعدة لغات.", "مساعدة في الواجبات المدرسية."],
    "uk": ["Спільний сніданок щовівторка.", "Консультації кількома мовами.", "Допомога з пошуком житла."],
    "ru": ["Совместный завтрак каждый вторник.", "Консультации на нескольких языках.", "Курсы немецкого языка."],
}


def namesake(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def synthetic_organisations(count, rng, box, category_ids, language_ids):
    """[(unsaved Organisation, [category ids], [language ids])]."""
    from atlas.directory.models import Organisation

    kinds = [k for k in Organisation.Kind.values if k != Organisation.Kind.INDIVIDUAL]
    rows = []
    for n in range(1, count + 1):
        point = Point(rng.uniform(box[0], box[2]), rng.uniform(box[1], box[3]), srid=settings.STORAGE_SRID)
        if n % 100 == 0:
            name = rng.choice([f"{namesake(rng)} Camii", f"Moscheegemeinde {namesake(rng)}"])
        else:
            name = f"{rng.choice(ATTRIBUTES)} {rng.choice(KINDS)} {namesake(rng)}"
        translations = {}
        if n % 5 == 0:
            language = rng.choice(sorted(TRANSLATIONS))
            translations[language] = {"description": rng.choice(TRANSLATIONS[language])}
        description = " ".join(rng.sample(SENTENCES, rng.randint(2, 3)))
        rows.append((Organisation(
            name=name, slug=f"synthetic-search-org-{n}", kind=rng.choice(kinds), is_sample=True,
            short_description=description.split(".")[0] + ".", description=description, translations=translations,
            street=f"{rng.choice(STREETS)} {rng.randint(1, 120)}", postcode=rng.choice(["13581", "13583", "13585",
                                                                                       "13587", "13591", "13593"]),
            status="published", location=point, location_metric=point.transform(settings.METRIC_SRID, clone=True),
            location_precision="address",
        ), rng.sample(category_ids, rng.randint(1, 3)), rng.sample(language_ids, rng.randint(1, 2))))
    return rows
