"""Profiles of Ortsteile and planning areas, the printable report and its PDF, on the real data."""

import html
import io
import re

import pytest
from django.db.models import Sum
from pypdf import PdfReader

from atlas.directory.models import Organisation, PublicationStatus
from geodata.models import AGE_GROUPS, HousingOwnership, Ortsteil, PlanningArea, Population
from planning.coverage import store
from planning.models import CoverageResult
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.support import INLINE_SCRIPT

pytestmark = pytest.mark.django_db

MAULBEERALLEE = "05200527"
STAAKEN = "0504"


def german(value, digits=1):
    """A number as the German templates print it (floatformat with grouping)."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def get(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200, url
    return response.content.decode()


def row(html_text, attribute, key):
    match = re.search(rf'<tr[^>]*{attribute}="{re.escape(key)}"[^>]*>(.*?)</tr>', html_text, re.S)
    assert match, f"no row {attribute}={key}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1)))


def district():
    return Population.objects.aggregate(residents=Sum("residents"), migrants=Sum("with_migration_background"),
                                        foreigners=Sum("foreigners"))


def test_planning_area_profile_shows_the_database_figures_beside_the_district(client):
    area = PlanningArea.objects.select_related("population", "social_monitoring", "housing_ownership",
                                               "ortsteil").get(key=MAULBEERALLEE)
    population = area.population
    page = get(client, f"/planungsraeume/{MAULBEERALLEE}/")
    assert "<h1>Maulbeerallee</h1>" in page
    residents = row(page, "data-figure", "residents")
    assert german(population.residents, 0) in residents
    migrants = row(page, "data-figure", "migration_background")
    assert german(population.with_migration_background, 0) in migrants
    assert german(100 * population.with_migration_background / population.residents) in migrants
    totals = district()
    assert german(100 * totals["migrants"] / totals["residents"]) in migrants  # the district's share
    foreigners = row(page, "data-figure", "foreigners")
    assert german(100 * population.foreigners / population.residents) in foreigners
    assert german(100 * totals["foreigners"] / totals["residents"]) in foreigners
    for key in AGE_GROUPS:
        assert german(population.age_groups[key], 0) in row(page, "data-age", key)
    assert german(population.origin["turkey"], 0) in row(page, "data-origin", "turkey")
    assert german(area.housing_ownership.municipal_share) in row(page, "data-figure", "municipal_housing")
    assert f"{area.social_monitoring.status_index} – sehr niedrig" in page
    # Its coverage rank, from the stored default run.
    result = CoverageResult.objects.get(run=store.default_run(), planning_area=area)
    assert f'data-rank="{result.rank}"' in page
    assert f"Rang {result.rank} von 45 Planungsräumen" in page
    # Charts are inline SVG with a title, each with a data table; no inline style anywhere.
    assert page.count('<svg class="chart"') == 3 and '<svg class="static-map"' in page
    assert "<title id=\"chart-age-title\">" in page
    assert " style=" not in page and not INLINE_SCRIPT.search(page)
    # Sources with attributions.
    for source in (area.source, population.source, area.social_monitoring.source, area.housing_ownership.source):
        assert html.escape(source.attribution) in page
    assert f'href="/ortsteile/{area.ortsteil.key}/"' in page


def test_ortsteil_profile_sums_its_planning_areas(client):
    ortsteil = Ortsteil.objects.get(key=STAAKEN)
    areas = PlanningArea.objects.filter(ortsteil=ortsteil)
    sums = Population.objects.filter(planning_area__in=areas).aggregate(
        residents=Sum("residents"), migrants=Sum("with_migration_background"))
    page = get(client, f"/ortsteile/{STAAKEN}/")
    assert "<h1>Staaken</h1>" in page
    assert german(sums["residents"], 0) in row(page, "data-figure", "residents")
    migrants = row(page, "data-figure", "migration_background")
    assert german(sums["migrants"], 0) in migrants
    assert german(100 * sums["migrants"] / sums["residents"]) in migrants
    totals = district()
    assert german(100 * totals["migrants"] / totals["residents"]) in migrants
    # Age groups summed over the planning areas.
    populations = list(Population.objects.filter(planning_area__in=areas))
    for key in AGE_GROUPS:
        assert german(sum(p.age_groups[key] for p in populations), 0) in row(page, "data-age", key)
    # Municipal housing share weighted by residential land.
    ownerships = HousingOwnership.objects.filter(planning_area__in=areas)
    land = sum(o.residential_area_m2 for o in ownerships)
    weighted = sum(o.residential_area_m2 * o.municipal_share for o in ownerships) / land
    assert german(weighted) in row(page, "data-figure", "municipal_housing")
    # MSS: the distribution of its planning areas' status classes.
    for index in (1, 2, 3, 4):
        count = areas.filter(social_monitoring__valid=True, social_monitoring__status_index=index).count()
        assert re.search(rf"{index} – \w[^<]*</th><td class=\"num\">{count}</td>",
                         page.replace("\n", "")), index
    # Every planning area of the Ortsteil in the ranked table, linked to its profile.
    run = store.default_run()
    for area in areas:
        assert f'href="/planungsraeume/{area.key}/"' in page
        rank = CoverageResult.objects.get(run=run, planning_area=area).rank
        assert row(page, "data-key", area.key).strip().startswith(str(rank))
    aggregate = next(item for item in run.aggregates["ortsteile"] if item["key"] == STAAKEN)
    assert f"Rang {aggregate['rank']} von 9 Ortsteilen" in page
    assert "Amt für Statistik Berlin-Brandenburg" in page and "Geoportal Berlin" in page
    assert " style=" not in page and not INLINE_SCRIPT.search(page)


@pytest.mark.parametrize("url", ["/ortsteile/9999/", "/planungsraeume/00000000/", "/ortsteile/9999/bericht/",
                                 "/ortsteile/9999/bericht.pdf", "/ortsteile/<script>/"])
def test_unknown_keys_are_404(client, url):
    assert client.get(url).status_code == 404


def test_entries_inside_and_nearby_are_published_only_and_escaped(client):
    area = PlanningArea.objects.get(key=MAULBEERALLEE)
    inside = area.geom.point_on_surface
    evil = make_organisation(name="<script>alert(1)</script>", location=(inside.x, inside.y))
    make_organisation(name="Entwurfsverein", status=PublicationStatus.DRAFT, location=(inside.x, inside.y))
    hidden = make_organisation(name="Einzelperson ohne Adresse", kind=Organisation.Kind.INDIVIDUAL,
                               consent_publish_address=False, location=(inside.x, inside.y))
    place = make_meeting_place(name="Café Beispiel", location=(inside.x, inside.y))
    for url in (f"/planungsraeume/{MAULBEERALLEE}/", f"/ortsteile/{area.ortsteil.key}/",
                f"/ortsteile/{area.ortsteil.key}/bericht/"):
        page = get(client, url)
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert evil.get_absolute_url() in page and place.get_absolute_url() in page
        assert hidden.get_absolute_url() in page, url
        assert "Lage nur auf Planungsraumebene" in page, url
        assert "Entwurfsverein" not in page
        assert not INLINE_SCRIPT.search(page)


def test_report_page_is_printable(client):
    page = get(client, f"/ortsteile/{STAAKEN}/bericht/")
    assert "Ortsteil Staaken" in page
    assert 'class="report"' in page and "@media print" not in page  # the print rules live in atlas.css
    assert 'id="print-report"' in page and "planning/report-page.js" in page
    assert f'href="/ortsteile/{STAAKEN}/bericht.pdf"' in page
    assert not INLINE_SCRIPT.search(page) and " style=" not in page
    with open("static/atlas/css/atlas.css", encoding="utf-8") as handle:
        css = handle.read()
    print_rules = css[css.rindex("@media print"):]
    assert "size: A4" in print_rules and ".site-header" in print_rules and "break-inside: avoid" in print_rules


def test_report_pdf_contains_name_key_figures_and_ranked_planning_areas(client):
    response = client.get(f"/ortsteile/{STAAKEN}/bericht.pdf", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and "bericht-0504" in response["Content-Disposition"]
    body = response.content
    assert body.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    text = text.replace("-\n", "-")  # names wrapped at a hyphen in narrow table cells
    assert "Staaken" in text
    residents = Population.objects.filter(planning_area__ortsteil__key=STAAKEN).aggregate(n=Sum("residents"))["n"]
    assert german(residents, 0) in text
    assert "Planungsräume nach Rang der Versorgungslücke" in text
    for name in PlanningArea.objects.filter(ortsteil__key=STAAKEN).values_list("name", flat=True):
        assert name in text, name
    assert "Amt für Statistik Berlin-Brandenburg" in text


def test_planning_area_table_and_ortsteil_index_link_to_profiles(client):
    table = get(client, "/planungsraeume/")
    assert f'href="/planungsraeume/{MAULBEERALLEE}/">Maulbeerallee</a>' in table
    assert 'href="/ortsteile/0504/">Staaken</a>' in table
    index = get(client, "/ortsteile/")
    assert index.count('href="/ortsteile/') >= 9 * 3
    assert index.count('href="/planungsraeume/05') == 45
