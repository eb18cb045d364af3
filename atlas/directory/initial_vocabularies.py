"""The first vocabularies of the directory. Coordinators edit them afterwards in the admin.

Used by migration 0003 and by tests that need them back after a database flush."""

from django.apps import apps as live_apps
from django.utils.translation import gettext_noop

from common.vocabularies import seed_vocabulary

# Names are stored in German; gettext_noop marks them for the catalogues so that Vocabulary.label can show
# them in the reader's language (a name a coordinator types in later stays as typed).
CATEGORIES = [
    # key, German name, colour (qualitative palette, distinguishable for common colour blindness)
    ("counselling", gettext_noop("Beratung"), "#1f77b4"),
    ("language-courses", gettext_noop("Sprachkurse"), "#ff7f0e"),
    ("homework-help", gettext_noop("Hausaufgabenhilfe"), "#2ca02c"),
    ("education", gettext_noop("Bildung"), "#17becf"),
    ("culture", gettext_noop("Kultur"), "#9467bd"),
    ("religion", gettext_noop("Religion"), "#8c564b"),
    ("sport", gettext_noop("Sport"), "#bcbd22"),
    ("women", gettext_noop("Frauen"), "#e377c2"),
    ("youth", gettext_noop("Jugend"), "#d62728"),
    ("seniors", gettext_noop("Senior:innen"), "#7f7f7f"),
    ("legal-advice", gettext_noop("Rechtsberatung"), "#393b79"),
    ("translation", gettext_noop("Sprachmittlung"), "#637939"),
    ("health", gettext_noop("Gesundheit"), "#843c39"),
    ("work", gettext_noop("Arbeit und Ausbildung"), "#7b4173"),
    ("family", gettext_noop("Familie"), "#3182bd"),
    ("refugees", gettext_noop("Unterstützung Geflüchteter"), "#e6550d"),
    ("neighbourhood", gettext_noop("Nachbarschaft und Begegnung"), "#31a354"),
]

TARGET_GROUPS = [
    ("children", gettext_noop("Kinder")),
    ("youth", gettext_noop("Jugendliche")),
    ("women", gettext_noop("Frauen")),
    ("families", gettext_noop("Familien")),
    ("seniors", gettext_noop("Senior:innen")),
    ("refugees", gettext_noop("Geflüchtete")),
    ("newcomers", gettext_noop("Neuzugewanderte")),
    ("students", gettext_noop("Studierende")),
    ("job-seekers", gettext_noop("Arbeitsuchende")),
    ("lgbtiq", gettext_noop("LSBTIQ*")),
    ("people-with-disabilities", gettext_noop("Menschen mit Behinderung")),
    ("everyone", gettext_noop("alle")),
]

COMMUNITIES = [
    ("turkish", gettext_noop("türkeistämmig")),
    ("kurdish", gettext_noop("kurdisch")),
    ("arabic", gettext_noop("arabischsprachig")),
    ("syrian", gettext_noop("syrisch")),
    ("afghan", gettext_noop("afghanisch")),
    ("iranian", gettext_noop("iranisch")),
    ("ukrainian", gettext_noop("ukrainisch")),
    ("russian-speaking", gettext_noop("russischsprachig")),
    ("polish", gettext_noop("polnisch")),
    ("balkan", gettext_noop("Westbalkan")),
    ("vietnamese", gettext_noop("vietnamesisch")),
    ("african", gettext_noop("afrikanische Diaspora")),
    ("latin-american", gettext_noop("lateinamerikanisch")),
    ("roma", gettext_noop("Rom:nja und Sinti:zze")),
    ("all", gettext_noop("communityübergreifend")),
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
    ("community-centre", gettext_noop("Nachbarschafts- und Stadtteilzentrum")),
    ("library", gettext_noop("Bibliothek")),
    ("place-of-worship", gettext_noop("Religiöse Gemeinde")),
    ("youth-centre", gettext_noop("Jugendfreizeiteinrichtung")),
    ("cafe", gettext_noop("Café")),
    ("school-room", gettext_noop("Schulraum")),
    ("sports-hall", gettext_noop("Sporthalle")),
    ("association-rooms", gettext_noop("Vereinsräume")),
    ("other", gettext_noop("Sonstiger Treffpunkt")),
]


SUPPORT_TOPICS = [
    # What organisations need and what they can offer (questionnaire of the needs analysis).
    ("rooms", gettext_noop("Räume")),
    ("funding", gettext_noop("Finanzierung und Fördermittel")),
    ("training-project-management", gettext_noop("Schulung Projektmanagement")),
    ("training-fundraising", gettext_noop("Schulung Fundraising")),
    ("training-advocacy", gettext_noop("Schulung Interessenvertretung")),
    ("training-digital", gettext_noop("Schulung Digitales")),
    ("volunteers", gettext_noop("Ehrenamtliche")),
    ("partners", gettext_noop("Kooperationspartner")),
    ("translation", gettext_noop("Sprachmittlung und Übersetzung")),
    ("legal-advice", gettext_noop("Rechtsberatung")),
    ("visibility", gettext_noop("Öffentlichkeitsarbeit und Sichtbarkeit")),
    ("expertise", gettext_noop("Fachwissen")),
    ("equipment", gettext_noop("Ausstattung und Technik")),
]


def ensure_vocabularies(apps=None):
    """Creates or refreshes the vocabularies; `apps` is the migration state or the live registry."""
    apps = apps or live_apps
    seed_vocabulary(apps.get_model("atlas", "Category"), CATEGORIES, fields=("name", "colour"))
    rows_by_model = [("TargetGroup", TARGET_GROUPS), ("Community", COMMUNITIES),
                     ("MeetingPlaceType", MEETING_PLACE_TYPES)]
    if _has_model(apps, "SupportTopic"):
        rows_by_model.append(("SupportTopic", SUPPORT_TOPICS))
    for model_name, rows in rows_by_model:
        seed_vocabulary(apps.get_model("atlas", model_name), rows)
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
