"""Search that understands (atlas/directory/search/): typos, the vocabularies in all six UI languages,
"did you mean" — through the API's q= and on /verzeichnis/.

Runs on SpatiaLite and PostGIS and asserts the same hits on both. The meeting places are the real ones
seeded from the facility layers; among the places of worship two are mosques by name ("Hoca Ahmet
Yesevi Camii", "Spandau Yeni Camii")."""

import pytest

from atlas.directory.models import MeetingPlace, Organisation
from atlas.directory.search.query import understand
from atlas.directory.search.suggestions import replaced
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.directory.support import get_json, names
from tests.factories import KLADOW

pytestmark = pytest.mark.django_db

MOSQUES = ["Hoca Ahmet Yesevi Camii", "Spandau Yeni Camii"]
UI_LANGUAGES = ["de", "en", "tr", "ar", "uk", "ru"]


def search(client, kind, query, lang="de", extra=""):
    return get_json(client, f"/api/{kind}/?q={query}&lang={lang}{extra}")


@pytest.fixture
def directory():
    """Organisations whose names do not say what they offer: only their links and texts do."""
    return {
        "counselling": make_organisation(name="Elterntreff Mitte", categories=["counselling"]),
        "mosque": make_organisation(name="Moscheegemeinde Haselhorst", kind=Organisation.Kind.RELIGIOUS,
                                    categories=["religion"]),
        "sport": make_organisation(name="Sportfreunde Staaken", categories=["sport"], languages=["de"],
                                   description="Fußball für alle am Wochenende."),
        "breakfast": make_organisation(name="Frauencafé Wilhelmstadt", categories=["women"], languages=["tr"],
                                       description="Gemeinsames Frühstück jeden Dienstag.",
                                       translations={"uk": {"description": "Спільний сніданок щовівторка."}}),
    }


# --- the words of the issue ---------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["Moshee", "مسجد", "мечеть", "cami", "Moschee", "mosque", "camii"])
def test_mosques_are_found_in_every_language_whatever_the_interface(client, directory, query):
    for lang in UI_LANGUAGES:
        assert names(search(client, "meeting-places", query, lang)) == MOSQUES, lang
        assert names(search(client, "organisations", query, lang)) == ["Moscheegemeinde Haselhorst"], lang


@pytest.mark.parametrize("query", ["Beratnug", "консультація", "استشارة", "Beratung", "counselling", "danışmanlık",
                                   "консультация", "Консультування"])
def test_counselling_is_found_in_every_language_whatever_the_interface(client, directory, query):
    for lang in ("de", "ar", "uk"):
        assert names(search(client, "organisations", query, lang)) == ["Elterntreff Mitte"], lang
        # A meeting place whose name says it: "Jugendberatungshaus".
        assert "Jugendberatungshaus Spandau" in names(search(client, "meeting-places", query, lang)), lang


def test_mosques_are_not_every_place_of_worship(client, directory):
    found = names(search(client, "meeting-places", "мечеть"))
    assert "Evangelische Weihnachtskirche" not in found
    churches = names(search(client, "meeting-places", "церква"))
    assert "Evangelische Weihnachtskirche" in churches and not set(MOSQUES) & set(churches)


@pytest.mark.parametrize("query", ["Bibliothek", "library", "kütüphane", "مكتبة", "бібліотека", "библиотека",
                                   "Bibliotek"])
def test_kinds_of_meeting_place_in_every_language(client, query):
    found = search(client, "meeting-places", query)
    assert found["count"] >= 5
    assert all(feature["properties"]["place_type"] == "library" for feature in found["features"])


@pytest.mark.parametrize("query", ["Türkisch", "Turkish", "Türkçe", "турецька", "турецкий", "التركية"])
def test_spoken_languages_in_every_language(client, directory, query):
    assert names(search(client, "organisations", query)) == ["Frauencafé Wilhelmstadt"]


def test_target_groups_and_phrases(client):
    make_organisation(name="Inklusiver Treff", target_groups=["people-with-disabilities"])
    make_organisation(name="Seniorenclub")
    for query in ["Menschen mit Behinderung", "люди з інвалідністю", "ذوي الإعاقة", "engelli"]:
        assert names(search(client, "organisations", query)) == ["Inklusiver Treff"], query


def test_general_words_find_links_only(client):
    """'alle' (everyone) is inside "Obstallee": the target group is found by its link, not by the text."""
    make_organisation(name="Offener Treff", target_groups=["everyone"])
    make_organisation(name="Stadtteilverein", street="Obstallee 22")
    assert names(search(client, "organisations", "для всіх")) == ["Offener Treff"]


# --- typos, names, descriptions ------------------------------------------------------------------------

def test_a_typo_in_a_name(client, directory):
    make_organisation(name="Türkischer Elternverein")
    assert names(search(client, "organisations", "Elternverien")) == ["Türkischer Elternverein"]
    assert names(search(client, "meeting-places", "Yesevy")) == ["Hoca Ahmet Yesevi Camii"]
    assert names(search(client, "meeting-places", "Yesevy Camii")) == ["Hoca Ahmet Yesevi Camii"]


def test_a_word_of_a_description_in_any_language(client, directory):
    for query in ["Frühstück", "fruhstuck", "Frühstükc", "сніданок"]:
        assert names(search(client, "organisations", query)) == ["Frauencafé Wilhelmstadt"], query
    assert names(search(client, "organisations", "Fußball")) == ["Sportfreunde Staaken"]


def test_short_words_and_numbers_are_taken_as_typed(client, directory):
    assert search(client, "meeting-places", "13594")["count"] == 0  # a postcode is no typo of 13593
    assert search(client, "meeting-places", "Kix")["count"] == 0  # three letters, taken as typed: not "KiK"


def test_every_word_must_match(client, directory):
    assert names(search(client, "meeting-places", "мечеть Yeni")) == ["Spandau Yeni Camii"]
    assert search(client, "meeting-places", "мечеть Kladow")["count"] == 0


def test_umlaut_tolerant_search_still_works(client, directory):
    for query in ["Fußball", "Fussball", "fussball"]:
        assert names(search(client, "organisations", query)) == ["Sportfreunde Staaken"]


def test_search_follows_the_directory(client, directory):
    """What a word is taken for depends on the words of the directory: a new entry is found at once."""
    assert search(client, "organisations", "Kiezküche")["count"] == 0
    make_organisation(name="Kiezküche Spandau")
    assert names(search(client, "organisations", "Kiezkühce")) == ["Kiezküche Spandau"]


# --- did you mean --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "label"), [("de", "Moschee"), ("ar", "مسجد"), ("uk", "мечеть"), ("tr", "cami")])
def test_did_you_mean_a_vocabulary_term_in_the_readers_language(client, directory, lang, label):
    for kind in ("meeting-places", "organisations"):
        found = search(client, kind, "Moschxyz", lang)
        assert found["count"] == 0 and found["features"] == []
        assert found["suggestions"][0] == {"q": label, "label": label}
        # The suggestion finds what it promises.
        assert search(client, kind, label, lang)["count"] > 0


def test_did_you_mean_a_name(client):
    make_organisation(name="Kiezküche Wilhelmstadt")
    found = search(client, "organisations", "Kiezkuxxxe")
    assert found["suggestions"] == [{"q": "Kiezküche Wilhelmstadt", "label": "Kiezküche Wilhelmstadt"}]


def test_did_you_mean_keeps_the_other_words_and_filters(client, directory):
    found = search(client, "meeting-places", "Moschxyz Yeni")
    assert found["suggestions"][0]["q"] == "Moschee Yeni"
    # No mosque in Kladow: nothing to suggest there.
    assert search(client, "meeting-places", "Moschxyz", extra=f"&near={KLADOW[0]},{KLADOW[1]}&radius=500")[
        "suggestions"] == []


def test_no_suggestions_when_something_is_found_or_nothing_is_similar(client, directory):
    assert search(client, "meeting-places", "Moschee")["suggestions"] == []
    assert search(client, "organisations", "qwrtzp")["suggestions"] == []
    # Every word matches something, only not together: the filters are too narrow, no suggestion.
    assert search(client, "meeting-places", "Moschee Kladow")["suggestions"] == []
    assert get_json(client, "/api/organisations/")["suggestions"] == []


def test_suggestions_never_name_unpublished_entries(client):
    make_organisation(name="Kiezküche Wilhelmstadt", status="draft")
    assert search(client, "organisations", "Kiezkuxxxe")["suggestions"] == []


def test_schema_documents_the_suggestions(client):
    schema = client.get("/api/schema/?format=json").json()
    for path in ("/api/organisations/", "/api/meeting-places/"):
        body = schema["paths"][path]["get"]["responses"]["200"]["content"]
        page = next(iter(body.values()))["schema"]
        assert "suggestions" in page["required"]
        assert set(page["properties"]["suggestions"]["items"]["properties"]) == {"q", "label"}
        q = next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "q")
        assert "мечеть" in q["description"]


# --- /verzeichnis/ --------------------------------------------------------------------------------------

def test_directory_page_understands_the_same_words(client, directory):
    html = client.get("/verzeichnis/?q=мечеть").content.decode()
    for name in [*MOSQUES, "Moscheegemeinde Haselhorst"]:
        assert name in html
    assert "Evangelische Weihnachtskirche" not in html
    html = client.get("/verzeichnis/?q=Beratnug").content.decode()
    assert "Elterntreff Mitte" in html and "Jugendberatungshaus Spandau" in html


def test_directory_page_offers_did_you_mean_with_the_filters_kept(client, directory):
    html = client.get("/verzeichnis/?q=Moschxyz&ortsteil=0501", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Meinten Sie:" in html
    assert 'href="?q=Moschee&amp;ortsteil=0501">Moschee</a>?' in html
    html = client.get("/verzeichnis/?q=Moschxyz", HTTP_COOKIE="django_language=uk").content.decode()
    assert ">мечеть</a>" in html


def test_directory_page_suggestions_are_text(client):
    make_organisation(name="<b>Kiezküche</b> Wilhelmstadt")
    html = client.get("/verzeichnis/?q=Kiezkuxxxe").content.decode()
    assert "&lt;b&gt;Kiezküche&lt;/b&gt; Wilhelmstadt</a>" in html and "<b>Kiezküche" not in html


# --- how a query is read -------------------------------------------------------------------------------

def test_how_a_query_is_understood(directory):
    understood = understand("Menschen mit Behinderung Beratnug Spandau")
    assert [token.text for token in understood.tokens] == ["menschen mit behinderung", "beratnug", "spandau"]
    phrase, typo, word = understood.tokens
    assert [concept.id for concept in phrase.concepts] == ["target_group:people-with-disabilities"]
    assert typo.corrected and "category:counselling" in [concept.id for concept in typo.concepts]
    assert word.words == ("spandau",) and not word.corrected
    assert understand("qwrtzp").unmatched[0].text == "qwrtzp"
    # The beginning of a term stands for it while typing.
    assert [concept.id for concept in understand("консульт").tokens[0].concepts] == ["category:counselling"]


def test_the_same_query_selects_the_same_on_both_kinds_of_entry(directory):
    understood = understand("мечеть")
    assert set(MeetingPlace.objects.filter(understood.condition(MeetingPlace)).values_list("name", flat=True)) \
        == set(MOSQUES)


def test_replacing_the_unmatched_word():
    assert replaced("Moschxyz Staaken", "moschxyz", "Moschee") == "Moschee Staaken"
    assert replaced("Moschxyz-Staaken", "moschxyz", "Moschee") == "Moschee staaken"


def test_make_meeting_place_is_found_by_its_kind(client):
    make_meeting_place(name="Raum 3", place_type="sports-hall")
    assert "Raum 3" in names(search(client, "meeting-places", "спортзал"))
