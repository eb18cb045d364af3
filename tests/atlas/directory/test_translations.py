"""Descriptions of directory entries in several languages, falling back to German (atlas/directory/translations.py):
editing in the admin and the editors' form, the detail pages, JSON-LD, the API and the search.

Runs on SpatiaLite and PostGIS."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from atlas.directory.models import MeetingPlace, Organisation
from atlas.directory.translations import localized, updated_translations
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db

TURKISH = {"short_description": "Spandau'da Türk aileleri için dernek",
           "description": "Ebeveynler için danışmanlık ve buluşma kahvaltısı."}
ARABIC = {"short_description": "جمعية للعائلات في شبانداو", "description": "استشارات ولقاءات للعائلات."}


def translated_organisation(**kw):
    kw.setdefault("short_description", "Verein für Familien in Spandau")
    kw.setdefault("description", "Beratung und Elternfrühstück.")
    kw.setdefault("translations", {"tr": dict(TURKISH), "ar": dict(ARABIC)})
    return make_organisation(**kw)


@pytest.fixture
def coordinator(client):
    client.force_login(get_user_model().objects.create_superuser("testkoordination-tr", "k-tr@example.org", "x"))
    return client


def page(client, entry, language=None, cookie=None):
    if cookie:
        client.cookies["django_language"] = cookie
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    response = client.get(entry.get_absolute_url(), **headers)
    assert response.status_code == 200
    return response


def element(html, css_class):
    """The opening tag of the first element with the class."""
    match = re.search(rf'<[a-z]+ class="{css_class}"[^>]*>', html)
    assert match, f"no .{css_class}"
    return match.group(0)


# --- the helper -----------------------------------------------------------------------------------------

def test_localized_falls_back_per_field_and_language():
    organisation = translated_organisation(translations={"tr": {"short_description": "Kısa"}})
    assert (localized(organisation, "short_description", "tr").text, localized(organisation, "short_description",
                                                                                  "tr").language) == ("Kısa", "tr")
    description = localized(organisation, "description", "tr")
    assert (description.text, description.language, description.fallback) == ("Beratung und Elternfrühstück.",
                                                                              "de", True)
    assert localized(organisation, "short_description", "de").fallback is False
    assert localized(organisation, "short_description", "tr-TR").language == "tr"
    assert localized(organisation, "short_description", "xx").language == "de"


def test_updated_translations_stores_removes_and_keeps_unedited_keys():
    before = {"tr": {"short_description": "Eski", "description": "Eski metin"}, "en": {"description": "Old"},
              "fa": {"description": "not a UI language: kept"}}
    after = updated_translations(before, {"short_description_tr": " Yeni ", "description_tr": "",
                                          "short_description_en": "", "description_en": ""})
    assert after == {"tr": {"short_description": "Yeni"}, "fa": {"description": "not a UI language: kept"}}
    assert before["tr"]["description"] == "Eski metin"  # not changed in place


# --- editing ---------------------------------------------------------------------------------------------

def admin_organisation_data(organisation, **changes):
    return {
        "name": organisation.name, "slug": organisation.slug, "kind": "association", "status": "published",
        "short_description": organisation.short_description, "description": organisation.description,
        "wheelchair_access": "unknown", "opening_hours": "{}", "social_links": "[]",
        "location": '{"type": "Point", "coordinates": [13.2005, 52.5357]}',
        "editor_links-TOTAL_FORMS": "0", "editor_links-INITIAL_FORMS": "0",
        **changes,
    }


def test_admin_shows_translations_in_a_collapsed_fieldset_with_lang_and_dir(coordinator):
    organisation = translated_organisation()
    html = coordinator.get(reverse("admin:atlas_organisation_change", args=[organisation.pk])).content.decode()
    assert "Übersetzungen" in html
    assert re.search(r'<fieldset[^>]*class="[^"]*collapse', html) or "<details" in html
    assert 'name="translations"' not in html  # no raw JSON
    tag = re.search(r'<input[^>]*name="short_description_ar"[^>]*>', html).group(0)
    assert 'lang="ar"' in tag and 'dir="rtl"' in tag and ARABIC["short_description"] in tag
    tag = re.search(r'<textarea[^>]*name="description_tr"[^>]*>', html).group(0)
    assert 'lang="tr"' in tag and 'dir="ltr"' in tag
    assert "Türkçe" in html and "Українська" in html


def test_admin_saves_translations_into_the_json_and_removes_emptied_ones(coordinator):
    organisation = translated_organisation()
    data = admin_organisation_data(organisation, short_description_en="Association for families",
                                   description_en="Advice and breakfast.", short_description_tr="",
                                   description_tr="", short_description_ar=ARABIC["short_description"],
                                   description_ar="")
    response = coordinator.post(reverse("admin:atlas_organisation_change", args=[organisation.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    organisation.refresh_from_db()
    assert organisation.translations == {
        "en": {"short_description": "Association for families", "description": "Advice and breakfast."},
        "ar": {"short_description": ARABIC["short_description"]},
    }
    assert organisation.short_description == "Verein für Familien in Spandau"  # German stays the main field


def test_admin_meeting_place_translations(coordinator):
    place = make_meeting_place(name="Testtreff Übersetzt", slug="testtreff-uebersetzt")
    data = {
        "name": place.name, "slug": place.slug, "place_type": place.place_type_id, "status": "published",
        "wheelchair_access": "unknown", "opening_hours": "{}", "short_description": "Treffpunkt",
        "location": '{"type": "Point", "coordinates": [13.2005, 52.5357]}',
        "rooms-TOTAL_FORMS": "0", "rooms-INITIAL_FORMS": "0",
        "facility_links-TOTAL_FORMS": "0", "facility_links-INITIAL_FORMS": "0",
        "short_description_uk": "Місце зустрічі", "description_ru": "Место встречи для соседей.",
    }
    response = coordinator.post(reverse("admin:atlas_meetingplace_change", args=[place.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    place = MeetingPlace.objects.get(pk=place.pk)
    assert place.translations == {"uk": {"short_description": "Місце зустрічі"},
                                  "ru": {"description": "Место встречи для соседей."}}


def test_editor_form_groups_languages_and_saves_translations(client):
    organisation = translated_organisation(name="Übersetzungsverein")
    client.force_login(make_user("red-trans", organisations=[organisation]))
    url = reverse("moderation:organisation-edit", kwargs={"slug": organisation.slug})
    html = client.get(url).content.decode()
    assert re.search(r'<legend lang="ar" dir="rtl">[^<]+</legend>', html)
    assert '<legend lang="uk" dir="ltr">Українська</legend>' in html
    tag = re.search(r'<textarea[^>]*name="description_ar"[^>]*>', html).group(0)
    assert 'lang="ar"' in tag and 'dir="rtl"' in tag
    assert TURKISH["short_description"].replace("'", "&#x27;") in html
    response = client.post(url, {
        "name": organisation.name, "kind": "association", "short_description": organisation.short_description,
        "description": organisation.description, "wheelchair_access": "unknown",
        "short_description_tr": "Yeni kısa açıklama", "description_tr": "",
        "short_description_ar": "", "description_ar": "", "description_uk": "Опис українською",
    })
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.translations == {"tr": {"short_description": "Yeni kısa açıklama"},
                                         "uk": {"description": "Опис українською"}}


def test_editor_form_refuses_a_too_long_translated_short_description(client):
    organisation = translated_organisation()
    client.force_login(make_user("red-lang", organisations=[organisation]))
    url = reverse("moderation:organisation-edit", kwargs={"slug": organisation.slug})
    response = client.post(url, {"name": organisation.name, "kind": "association", "wheelchair_access": "unknown",
                                 "short_description_en": "x" * 301})
    assert response.status_code == 200
    assert "short_description_en" in response.context["form"].errors
    assert Organisation.objects.get(pk=organisation.pk).translations["tr"] == TURKISH


# --- detail pages ------------------------------------------------------------------------------------------

def test_detail_page_in_turkish_shows_the_turkish_text_with_lang(client):
    organisation = translated_organisation()
    html = page(client, organisation, language="tr").content.decode()
    assert '<html lang="tr"' in html
    lead = element(html, "lead")
    assert 'lang="tr"' in lead and 'dir="ltr"' in lead
    assert "Spandau&#x27;da Türk aileleri için dernek</p>" in html
    description = element(html, "entry-description")
    assert 'lang="tr"' in description
    assert "Ebeveynler için danışmanlık" in html
    assert "Beratung und Elternfrühstück" not in html
    assert "translation-note" not in html


def test_detail_page_follows_the_language_cookie(client):
    organisation = translated_organisation()
    html = page(client, organisation, cookie="tr").content.decode()
    assert 'lang="tr"' in element(html, "lead")


def test_detail_page_without_ukrainian_text_falls_back_to_german_with_lang_de(client):
    organisation = translated_organisation()
    html = page(client, organisation, language="uk").content.decode()
    assert '<html lang="uk"' in html
    assert 'lang="de"' in element(html, "lead") and 'lang="de"' in element(html, "entry-description")
    assert "Verein für Familien in Spandau" in html
    assert "translation-note" in html


def test_detail_page_in_german_has_no_fallback_note(client):
    html = page(client, translated_organisation(), language="de").content.decode()
    assert 'lang="de"' in element(html, "lead")
    assert "translation-note" not in html


def test_arabic_translation_is_right_to_left(client):
    organisation = translated_organisation()
    html = page(client, organisation, language="ar").content.decode()
    lead = element(html, "lead")
    assert 'lang="ar"' in lead and 'dir="rtl"' in lead
    assert ARABIC["short_description"] in html
    assert 'dir="rtl"' in element(html, "entry-description")


def test_meeting_place_detail_is_translated_too(client):
    place = make_meeting_place(short_description="Café im Kiez", translations={"en": {"short_description": "Café"}})
    html = page(client, place, language="en").content.decode()
    assert 'lang="en"' in element(html, "lead")


def test_jsonld_uses_the_displayed_language(client):
    organisation = translated_organisation()
    html = page(client, organisation, language="tr").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["description"] == TURKISH["short_description"]
    html = page(client, organisation, language="uk").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["description"] == "Verein für Familien in Spandau"


def test_translation_with_markup_is_escaped(client):
    organisation = translated_organisation(translations={"tr": {
        "short_description": "<script>alert(1)</script>", "description": "<img src=x onerror=alert(1)>"}})
    html = page(client, organisation, language="tr").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    # JSON-LD: the text is inside a JSON string that cannot close the script element.
    assert "<script>alert" not in html.split('application/ld+json">')[1].split("</script>")[0]


# --- API ---------------------------------------------------------------------------------------------------

def feature_of(collection, slug):
    return next(f for f in collection["features"] if f["properties"]["slug"] == slug)


def test_api_list_and_detail_with_lang_tr(client):
    organisation = translated_organisation()
    listed = feature_of(client.get("/api/organisations/?lang=tr").json(), organisation.slug)["properties"]
    assert listed["short_description"] == TURKISH["short_description"]
    assert listed["description_language"] == "tr"
    response = client.get(f"/api/organisations/{organisation.slug}/?lang=tr")
    detail = response.json()["properties"]
    assert detail["short_description"] == TURKISH["short_description"]
    assert detail["description"] == TURKISH["description"]
    assert detail["description_language"] == "tr" and detail["short_description_language"] == "tr"
    assert response["Content-Language"] == "tr"


def test_api_falls_back_to_german(client):
    organisation = translated_organisation()
    listed = feature_of(client.get("/api/organisations/?lang=uk").json(), organisation.slug)["properties"]
    assert listed["short_description"] == "Verein für Familien in Spandau"
    assert listed["description_language"] == "de"
    detail = client.get(f"/api/organisations/{organisation.slug}/?lang=uk").json()["properties"]
    assert detail["description"] == "Beratung und Elternfrühstück." and detail["description_language"] == "de"
    german = feature_of(client.get("/api/organisations/").json(), organisation.slug)["properties"]
    assert german["short_description"] == "Verein für Familien in Spandau"
    assert german["description_language"] == "de"


def test_api_meeting_places_with_lang(client):
    place = make_meeting_place(short_description="Nachbarschaftscafé",
                               translations={"ar": {"short_description": "مقهى الجيران"}})
    listed = feature_of(client.get("/api/meeting-places/?lang=ar").json(), place.slug)["properties"]
    assert (listed["short_description"], listed["description_language"]) == ("مقهى الجيران", "ar")
    detail = client.get(f"/api/meeting-places/{place.slug}/?lang=ar").json()["properties"]
    assert detail["short_description"] == "مقهى الجيران" and detail["short_description_language"] == "ar"
    assert detail["description_language"] == "ar"  # no description: the short description's language


def test_api_without_lang_follows_accept_language_and_the_cookie_like_the_pages(client):
    organisation = translated_organisation()
    url = f"/api/organisations/{organisation.slug}/"
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="tr")
    assert response.json()["properties"]["description_language"] == "tr"
    vary = {value.strip().lower() for value in response["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary
    client.cookies["django_language"] = "ar"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="tr").json()["properties"]["description_language"] == "ar"
    # An explicit lang wins over both.
    assert client.get(url + "?lang=tr").json()["properties"]["description_language"] == "tr"


def test_api_refuses_an_unknown_lang(client):
    response = client.get("/api/organisations/?lang=xx", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 400
    assert "lang" in response.json()["detail"]
    assert client.get("/api/organisations/?lang=tr-TR").status_code == 200


def test_openapi_schema_documents_lang_and_description_language(client):
    schema = client.get(reverse("api-schema") + "?format=json").json()
    for path in ("/api/organisations/", "/api/organisations/{slug}/", "/api/meeting-places/",
                 "/api/meeting-places/{slug}/"):
        parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert sorted(parameters["lang"]["schema"]["enum"]) == ["ar", "de", "en", "ru", "tr", "uk"], path
    assert "description_language" in json.dumps(schema["paths"]["/api/organisations/"])


# --- search ------------------------------------------------------------------------------------------------

def test_search_finds_a_word_only_in_the_turkish_translation(client):
    organisation = translated_organisation(name="Testverein Suchsprache")
    organisation.refresh_from_db()
    assert "kahvaltisi" in organisation.search_text  # folded "kahvaltısı"
    found = [f["properties"]["slug"] for f in client.get("/api/organisations/?q=kahvaltısı").json()["features"]]
    assert organisation.slug in found
    assert "Testverein Suchsprache" in client.get(reverse("atlas:directory") + "?q=danışmanlık").content.decode()


def test_search_text_follows_edited_translations(client):
    organisation = translated_organisation()
    organisation.translations = {"en": {"description": "Homework club"}}
    organisation.save()
    organisation.refresh_from_db()
    assert "homework" in organisation.search_text and "kahvaltisi" not in organisation.search_text



def test_plain_directory_list_shows_the_short_description_in_the_ui_language(client):
    translated_organisation(name="Testverein Listensprache")
    html = client.get(reverse("atlas:directory") + "?q=Listensprache", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert re.search(r'<p class="item-description" lang="ar" dir="rtl">' + ARABIC["short_description"], html)
    html = client.get(reverse("atlas:directory") + "?q=Listensprache", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<p class="item-description" lang="de" dir="ltr">Verein für Familien in Spandau</p>' in html


def test_fallback_note_appears_once_next_to_the_german_text(client):
    organisation = translated_organisation(translations={"en": {"short_description": "Families association"}})
    html = page(client, organisation, language="en").content.decode()
    assert html.count("translation-note") == 1
    assert re.search(r'</h2><p class="hint translation-note">[^<]+</p><div class="entry-description" lang="de"', html)
    assert 'lang="en"' in element(html, "lead") and 'lang="de"' in element(html, "entry-description")
    html = page(client, translated_organisation(translations={}), language="en").content.decode()
    assert html.count("translation-note") == 1
