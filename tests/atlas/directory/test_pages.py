"""Server-rendered directory pages: detail pages (publication, consent, JSON-LD, opening hours),
the list without map, the embed and its framing headers, and the sample organisations."""

import json
import re

import pytest
from django.core.management import call_command

from atlas.directory.models import Organisation, PublicationStatus
from atlas.directory.opening_hours import at_berlin, is_open_at
from tests.atlas.directory.factories import make_meeting_place, make_organisation

pytestmark = pytest.mark.django_db

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.IGNORECASE)


def page(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    return response, response.content.decode()


def jsonld(html):
    blocks = LD_JSON.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_organisation_page_shows_the_entry(client):
    organisation = make_organisation(
        name="Türkischer Elternverein", short_description="Beratung für Eltern", kind="association",
        categories=["counselling"], languages=["tr", "ar"], target_groups=["families"],
        street="Carl-Schurz-Straße 2", postcode="13597", email="info@example.org", website="https://example.org/",
        consent_publish_contact=True, opening_hours={"mo": [["09:00", "17:00"]]},
    )
    response, html = page(client, f"/organisationen/{organisation.slug}/")
    assert response.status_code == 200
    assert "<h1>Türkischer Elternverein</h1>" in html
    assert "Verein" in html and "Beratung" in html and "Familien" in html
    assert '<span lang="tr" dir="ltr">Türkçe</span>' in html
    assert '<span lang="ar" dir="rtl">العربية</span>' in html
    assert "Carl-Schurz-Straße 2" in html and "info@example.org" in html
    assert "09:00–17:00" in html
    assert re.search(r"jetzt (geöffnet|geschlossen)", html)
    assert f"http://testserver/organisationen/{organisation.slug}/" in html  # permalink
    assert 'id="minimap-config"' in html
    assert not INLINE_SCRIPT.search(html)
    assert "Beispiel/Sample" not in html


def test_unpublished_entries_are_not_found(client):
    for status in (PublicationStatus.DRAFT, PublicationStatus.PENDING, PublicationStatus.ARCHIVED):
        organisation = make_organisation(status=status)
        place = make_meeting_place(status=status)
        assert client.get(f"/organisationen/{organisation.slug}/").status_code == 404
        assert client.get(f"/treffpunkte/{place.slug}/").status_code == 404
    assert client.get("/organisationen/gibt-es-nicht/").status_code == 404


def test_contact_only_with_consent(client):
    organisation = make_organisation(email="geheim@example.org", phone="030 123456", website="https://geheim.example/",
                                     consent_publish_contact=False)
    _response, html = page(client, f"/organisationen/{organisation.slug}/")
    assert "geheim@example.org" not in html
    assert "030 123456" not in html
    assert "geheim.example" not in html
    data = jsonld(html)
    assert "email" not in data and "telephone" not in data and "sameAs" not in data


def test_individual_without_address_consent_is_shown_by_planning_area_only(client):
    person = make_organisation(
        name="Sprachmittlerin", kind=Organisation.Kind.INDIVIDUAL, street="Obstallee 22", postcode="13593",
        location=(13.16591, 52.52237), consent_publish_address=False, consent_publish_contact=False,
        opening_hours={"tu": [["10:00", "12:00"]]}, languages=["ar"],
    )
    _response, html = page(client, f"/organisationen/{person.slug}/")
    # "In der Nähe" names other entries, among them the meeting place "Stadtteilzentrum Obstallee".
    assert "Obstallee" not in re.sub(r'<section class="nearby">.*?</section>', "", html, flags=re.S)
    assert "Obstallee 22" not in html
    assert "13593" not in html
    assert "Lage nur auf Ebene des Planungsraums" in html
    assert person.planning_area.name in html
    assert '"point": null' in html  # the mini-map gets no point
    data = jsonld(html)
    text = json.dumps(data)
    assert "address" not in data and "geo" not in text and "52.52" not in text and "Obstallee" not in text
    assert data["knowsLanguage"] == ["ar"]
    assert data["location"]["openingHoursSpecification"][0]["dayOfWeek"] == "https://schema.org/Tuesday"


def test_individual_with_consent_shows_address(client):
    person = make_organisation(kind=Organisation.Kind.INDIVIDUAL, street="Obstallee 22", postcode="13593",
                               consent_publish_address=True)
    _response, html = page(client, f"/organisationen/{person.slug}/")
    assert "Obstallee 22" in html
    assert jsonld(html)["address"]["streetAddress"] == "Obstallee 22"


def test_jsonld_is_escaped_and_parses(client):
    organisation = make_organisation(name="</script><script>alert(1)</script> & Co", street="Markt 1",
                                     postcode="13597", opening_hours={"fr": [["08:00", "12:00"]]},
                                     languages=["de", "tr"])
    _response, html = page(client, f"/organisationen/{organisation.slug}/")
    assert "</script><script>alert(1)" not in html
    data = jsonld(html)
    assert data["@type"] == "Organization"
    assert data["name"] == "</script><script>alert(1)</script> & Co"
    assert data["address"]["postalCode"] == "13597"
    assert data["location"]["geo"]["latitude"] == pytest.approx(52.5357)
    assert data["knowsLanguage"] == ["de", "tr"]
    assert data["url"].endswith(f"/organisationen/{organisation.slug}/")


def test_meeting_place_page_with_rooms_and_source(client):
    place = make_meeting_place(name="Stadtteilzentrum Test", rooms=[("Saal", 80)], bookable=True, cost="kostenlos",
                               street="Obstallee 22", postcode="13593", email="saal@example.org")
    _response, html = page(client, f"/treffpunkte/{place.slug}/")
    assert "Stadtteilzentrum Test" in html and "Saal" in html and "80" in html and "kostenlos" in html
    assert "saal@example.org" in html  # a public place's contact is public
    data = jsonld(html)
    assert data["@type"] == "Place"
    assert data["geo"]["longitude"] == pytest.approx(13.2005)


def test_seeded_meeting_place_names_its_source(client):
    from atlas.directory.models import MeetingPlace

    place = MeetingPlace.objects.published().filter(source__isnull=False).select_related("source").first()
    _response, html = page(client, f"/treffpunkte/{place.slug}/")
    assert "source-attribution" in html
    assert place.source.attribution.replace("&", "&amp;") in html or place.source.attribution in html


def test_nearby_lists_nearest_other_entries_with_distances(client):
    here = make_organisation(name="Hier", location=(13.16591, 52.52237))
    near = make_organisation(name="Gleich nebenan", location=(13.1665, 52.5226))
    hidden = make_organisation(name="Versteckte Person", kind=Organisation.Kind.INDIVIDUAL,
                               consent_publish_address=False, location=(13.1660, 52.5224))
    _response, html = page(client, f"/organisationen/{here.slug}/")
    section = html.split('class="nearby"')[1].split("</section>")[0]
    assert section.count("<li>") == 5
    assert "Hier<" not in section
    assert near.name in section
    assert re.search(r"\d+ m · \d+ Min\. zu Fuß", section)
    # The individual counts at its planning area's public point, never at its own (40 m away).
    if hidden.name in section:
        hidden_metres = int(re.search(re.escape(hidden.name) + r'</a>\s*<span class="distance">(\d+) m', section)
                            .group(1))
        assert hidden_metres != 40


def test_opening_hours_in_berlin_time():
    hours = {"mo": [["09:00", "17:00"]], "fr": [["22:00", "02:00"]]}
    assert is_open_at(hours, at_berlin(2024, 6, 3, 9, 0))  # Monday
    assert not is_open_at(hours, at_berlin(2024, 6, 3, 17, 0))
    assert not is_open_at(hours, at_berlin(2024, 6, 4, 10, 0))  # Tuesday
    assert is_open_at(hours, at_berlin(2024, 6, 7, 23, 0))  # Friday night
    assert is_open_at(hours, at_berlin(2024, 6, 8, 1, 30))  # … into Saturday
    assert not is_open_at({"mo": [["bad", "17:00"]]}, at_berlin(2024, 6, 3, 12, 0))


def test_embed_may_be_framed_other_pages_may_not(client):
    response = client.get("/embed/?category=counselling")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy
    assert "'none'" not in policy.split("frame-ancestors")[1].split(";")[0]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    html = response.content.decode()
    assert 'class="site-header"' not in html
    assert 'name="category" value="counselling"' in html
    assert 'id="dir-category"' not in html
    organisation = make_organisation()
    for url in ("/", f"/organisationen/{organisation.slug}/", "/verzeichnis/"):
        other = client.get(url)
        assert other["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in other["Content-Security-Policy"]


def test_directory_list_page_filters_without_javascript(client):
    make_organisation(name="Türkischer Elternverein", categories=["counselling"], languages=["tr"])
    make_organisation(name="Sportclub", categories=["sport"], languages=["de"])
    _response, html = page(client, "/verzeichnis/?category=counselling")
    assert "Türkischer Elternverein" in html and "Sportclub" not in html
    _response, html = page(client, "/verzeichnis/?q=turkisch")
    assert "Türkischer Elternverein" in html and "Sportclub" not in html
    _response, html = page(client, "/verzeichnis/?category=gibt-es-nicht")
    assert 'role="alert"' in html


@pytest.mark.parametrize(("query", "named"), [
    ("q=turkisch&category=gibt-es-nicht", ["category: gibt-es-nicht"]),
    ("q=turkisch&type=gibt-es-nicht", ["type: gibt-es-nicht"]),
    ("q=turkisch&category=gibt-es-nicht&ortsteil=9999", ["category: gibt-es-nicht", "ortsteil: 9999"]),
])
def test_directory_list_page_names_bad_filters_and_leaves_only_them_out(client, query, named):
    make_organisation(name="Türkischer Elternverein", categories=["counselling"])
    make_organisation(name="Sportclub", categories=["sport"])
    response, html = page(client, f"/verzeichnis/?{query}")
    assert response.status_code == 200
    found = re.search(r'role="alert"[^>]*>(.*?)</ul>', html, re.DOTALL)
    assert found and all(text in found.group(1) for text in named), html
    assert "Türkischer Elternverein" in html and "Sportclub" not in html


def test_map_page_has_the_directory_tab_and_config(client):
    _response, html = page(client, "/")
    assert 'id="tab-directory"' in html and 'id="directory-list"' in html
    config = json.loads(re.search(r'<script id="map-config" type="application/json">(.*?)</script>', html).group(1))
    directory = config["directory"]
    assert directory["api"]["organisations"] == "/api/organisations/"
    assert directory["api"]["geocode"] == "/api/geocode/"
    assert directory["detailUrls"]["organisation"] == "/organisationen/__slug__/"
    assert directory["categories"]["counselling"]["name"] == "Beratung"
    assert directory["strings"]["sample"] == "Beispiel/Sample"


def test_sample_organisations_load_and_remove():
    call_command("load_sample_organisations", verbosity=0)
    samples = Organisation.objects.filter(is_sample=True)
    assert 10 <= samples.count() <= 15
    assert all(sample.name.startswith("Beispiel: ") for sample in samples)
    assert all(sample.status == PublicationStatus.PUBLISHED for sample in samples)
    assert samples.filter(location__isnull=False).count() == samples.count()
    assert {"tr", "ar", "uk", "ru"} <= set(samples.values_list("languages__code", flat=True))
    assert samples.filter(kind=Organisation.Kind.INDIVIDUAL, consent_publish_address=False).exists()
    assert len(set(samples.values_list("ortsteil__name", flat=True))) >= 5
    call_command("load_sample_organisations", verbosity=0)  # idempotent
    assert Organisation.objects.filter(is_sample=True).count() == samples.count()
    real = make_organisation(name="Echter Verein")
    call_command("load_sample_organisations", "--remove", verbosity=0)
    assert not Organisation.objects.filter(is_sample=True).exists()
    assert Organisation.objects.filter(pk=real.pk).exists()


def test_sample_badge_on_detail_page(client):
    call_command("load_sample_organisations", verbosity=0)
    sample = Organisation.objects.filter(is_sample=True).first()
    _response, html = page(client, f"/organisationen/{sample.slug}/")
    assert "Beispiel/Sample" in html


def test_plain_list_queries_do_not_grow_with_the_entries(client):
    """/verzeichnis/ shows individuals without address consent at their planning area's point:
    looked up together, so the number of queries does not grow with them (nor with the meeting
    places and their kinds)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from atlas.directory.queries import _PUBLIC_POINTS

    spots = [(13.2005, 52.5357), (13.1460, 52.4530), (13.2600, 52.5380), (13.1700, 52.5200)]

    def queries_for_list():
        _PUBLIC_POINTS.clear()  # the process keeps points it has seen: start alike
        with CaptureQueriesContext(connection) as queries:
            page(client, "/verzeichnis/")
        return len(queries.captured_queries)

    make_organisation(name="Herr 0", kind=Organisation.Kind.INDIVIDUAL, location=spots[0])
    one = queries_for_list()
    assert one <= 15  # 50 real meeting places on the page: their kinds come with them
    for n, spot in enumerate(spots[1:], start=1):
        make_organisation(name=f"Herr {n}", kind=Organisation.Kind.INDIVIDUAL, location=spot)
    assert queries_for_list() == one
