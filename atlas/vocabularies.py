"""The first vocabularies of the directory. Coordinators edit them afterwards in the admin.

Used by migration 0003 and by tests that need them back after a database flush."""

CATEGORIES = [
    # key, German name, colour (qualitative palette, distinguishable for common colour blindness)
    ("counselling", "Beratung", "#1f77b4"),
    ("language-courses", "Sprachkurse", "#ff7f0e"),
    ("homework-help", "Hausaufgabenhilfe", "#2ca02c"),
    ("education", "Bildung", "#17becf"),
    ("culture", "Kultur", "#9467bd"),
    ("religion", "Religion", "#8c564b"),
    ("sport", "Sport", "#bcbd22"),
    ("women", "Frauen", "#e377c2"),
    ("youth", "Jugend", "#d62728"),
    ("seniors", "Senior:innen", "#7f7f7f"),
    ("legal-advice", "Rechtsberatung", "#393b79"),
    ("translation", "Sprachmittlung", "#637939"),
    ("health", "Gesundheit", "#843c39"),
    ("work", "Arbeit und Ausbildung", "#7b4173"),
    ("family", "Familie", "#3182bd"),
    ("refugees", "Unterstützung Geflüchteter", "#e6550d"),
    ("neighbourhood", "Nachbarschaft und Begegnung", "#31a354"),
]

TARGET_GROUPS = [
    ("children", "Kinder"),
    ("youth", "Jugendliche"),
    ("women", "Frauen"),
    ("families", "Familien"),
    ("seniors", "Senior:innen"),
    ("refugees", "Geflüchtete"),
    ("newcomers", "Neuzugewanderte"),
    ("students", "Studierende"),
    ("job-seekers", "Arbeitsuchende"),
    ("lgbtiq", "LSBTIQ*"),
    ("people-with-disabilities", "Menschen mit Behinderung"),
    ("everyone", "alle"),
]

COMMUNITIES = [
    ("turkish", "türkeistämmig"),
    ("kurdish", "kurdisch"),
    ("arabic", "arabischsprachig"),
    ("syrian", "syrisch"),
    ("afghan", "afghanisch"),
    ("iranian", "iranisch"),
    ("ukrainian", "ukrainisch"),
    ("russian-speaking", "russischsprachig"),
    ("polish", "polnisch"),
    ("balkan", "Westbalkan"),
    ("vietnamese", "vietnamesisch"),
    ("african", "afrikanische Diaspora"),
    ("latin-american", "lateinamerikanisch"),
    ("roma", "Rom:nja und Sinti:zze"),
    ("all", "communityübergreifend"),
]

LANGUAGES = [
    # ISO 639-1 (639-3 where there is none), name in the language itself, German name, right-to-left
    ("de", "Deutsch", "Deutsch", False),
    ("en", "English", "Englisch", False),
    ("tr", "Türkçe", "Türkisch", False),
    ("ar", "العربية", "Arabisch", True),
    ("uk", "Українська", "Ukrainisch", False),
    ("ru", "Русский", "Russisch", False),
    ("pl", "Polski", "Polnisch", False),
    ("ku", "Kurdî", "Kurdisch", False),
    ("fa", "فارسی", "Persisch (Farsi)", True),
    ("prs", "دری", "Dari", True),
    ("ps", "پښتو", "Paschtu", True),
    ("ro", "Română", "Rumänisch", False),
    ("bg", "Български", "Bulgarisch", False),
    ("sr", "Српски", "Serbisch", False),
    ("hr", "Hrvatski", "Kroatisch", False),
    ("bs", "Bosanski", "Bosnisch", False),
    ("sq", "Shqip", "Albanisch", False),
    ("vi", "Tiếng Việt", "Vietnamesisch", False),
    ("fr", "Français", "Französisch", False),
    ("es", "Español", "Spanisch", False),
    ("it", "Italiano", "Italienisch", False),
    ("el", "Ελληνικά", "Griechisch", False),
    ("ti", "ትግርኛ", "Tigrinya", False),
    ("so", "Soomaali", "Somali", False),
    ("ur", "اردو", "Urdu", True),
    ("zh", "中文", "Chinesisch", False),
    ("sgn", "Deutsche Gebärdensprache", "Deutsche Gebärdensprache", False),
]

MEETING_PLACE_TYPES = [
    ("community-centre", "Nachbarschafts- und Stadtteilzentrum"),
    ("library", "Bibliothek"),
    ("place-of-worship", "Religiöse Gemeinde"),
    ("youth-centre", "Jugendfreizeiteinrichtung"),
    ("cafe", "Café"),
    ("school-room", "Schulraum"),
    ("sports-hall", "Sporthalle"),
    ("association-rooms", "Vereinsräume"),
    ("other", "Sonstiger Treffpunkt"),
]


SUPPORT_TOPICS = [
    # What organisations need and what they can offer (questionnaire of the needs analysis).
    ("rooms", "Räume"),
    ("funding", "Finanzierung und Fördermittel"),
    ("training-project-management", "Schulung Projektmanagement"),
    ("training-fundraising", "Schulung Fundraising"),
    ("training-advocacy", "Schulung Interessenvertretung"),
    ("training-digital", "Schulung Digitales"),
    ("volunteers", "Ehrenamtliche"),
    ("partners", "Kooperationspartner"),
    ("translation", "Sprachmittlung und Übersetzung"),
    ("legal-advice", "Rechtsberatung"),
    ("visibility", "Öffentlichkeitsarbeit und Sichtbarkeit"),
    ("expertise", "Fachwissen"),
    ("equipment", "Ausstattung und Technik"),
]


def ensure_vocabularies(apps=None):
    """Creates or refreshes the vocabularies; `apps` is the migration state or the live registry."""
    if apps is None:
        from django.apps import apps
    Category = apps.get_model("atlas", "Category")
    for position, (key, name, colour) in enumerate(CATEGORIES):
        Category.objects.update_or_create(key=key, defaults={"name": name, "colour": colour, "position": position})
    rows_by_model = [("TargetGroup", TARGET_GROUPS), ("Community", COMMUNITIES),
                     ("MeetingPlaceType", MEETING_PLACE_TYPES)]
    if _has_model(apps, "SupportTopic"):
        rows_by_model.append(("SupportTopic", SUPPORT_TOPICS))
    for model_name, rows in rows_by_model:
        model = apps.get_model("atlas", model_name)
        for position, (key, name) in enumerate(rows):
            model.objects.update_or_create(key=key, defaults={"name": name, "position": position})
    Language = apps.get_model("atlas", "Language")
    for code, native, german, rtl in LANGUAGES:
        Language.objects.update_or_create(
            code=code, defaults={"native_name": native, "german_name": german, "rtl": rtl}
        )


def _has_model(apps, name):
    try:
        apps.get_model("atlas", name)
    except LookupError:
        return False
    return True
