"""The method page in plain language, its measured figures, and the links to it from the planner view,
the profiles and the report (PDF included)."""

import io
import re

import pytest
from pypdf import PdfReader

from planning.coverage import robust, store
from planning.models import CoverageResult
from tests.support import INLINE_SCRIPT

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200, url
    return response.content.decode()


def test_method_page_explains_terms_parameters_ranking_and_limits(client):
    page = get(client, "/planung/methode/")
    assert "<h1>Methode: Versorgungslücken verstehen</h1>" in page
    for anchor in ("access", "gap", "parameters", "robust", "limits"):
        assert f'id="{anchor}"' in page and f'href="#{anchor}"' in page
    assert 'title="Enhanced Two-Step Floating Catchment Area">E2SFCA</abbr>' in page
    assert "Erreichbarkeit A" in page and "Lückenwert" in page
    assert "bis 500 m voll, bis 750 m zu 68 % und bis 1.000 m zu 22 %" in page
    assert "wählbar von 500 bis 2.000 m" in page
    # The limits: straight lines across the Havel, demand spread evenly, forests included.
    assert "Havel" in page and "Kladow und Gatow" in page and "Wald" in page
    assert not INLINE_SCRIPT.search(page) and " style=" not in page


def test_method_page_quotes_the_measured_sensitivity(client):
    answer = robust.compute_robust()
    page = get(client, "/planung/methode/")
    rows = re.findall(r'<tr data-dimension="(\w+)">.*?<td class="num">([\d,]+) / 10</td>', page, re.S)
    assert [key for key, _mean in rows][0] == "need"  # the strongest first
    means = {key: float(mean.replace(",", ".")) for key, mean in rows}
    assert means == {key: round(value["mean"], 1) for key, value in answer["sensitivity"].items()}
    assert 'data-strongest="need"' in page
    assert f"nur {answer['need_overlap']} der 10 größten Lücken dieselben" in page
    robust_names = [row["name"] for row in answer["areas"] if row["count"] == 12]
    assert robust_names and all(name in page for name in robust_names)


def test_planner_explains_the_terms_and_links_the_method(client):
    page = get(client, "/planung/")
    terms = re.search(r'<details class="term-help" id="planner-terms">(.*?)</details>', page, re.S).group(1)
    for term in ('id="term-e2sfca"', 'id="term-access"', 'id="term-gap"', "<dfn>Erreichbarkeit A</dfn>",
                 "<dfn>Lückenwert</dfn>", "<summary>"):
        assert term in terms
    assert 'href="/planung/methode/"' in terms


def test_profiles_and_report_link_the_method(client):
    for url in ("/ortsteile/0504/", "/planungsraeume/05200527/", "/ortsteile/0504/bericht/"):
        assert 'href="/planung/methode/"' in get(client, url), url


def test_report_pdf_first_page_is_a_summary(client):
    response = client.get("/ortsteile/0504/bericht.pdf", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    pages = PdfReader(io.BytesIO(response.content)).pages
    lines = pages[0].extract_text().splitlines()
    first = " ".join(" ".join(lines).split())
    # Rank, key figures, the map's key and the largest gaps of the Ortsteil, and the method's address.
    assert "Versorgungslücke: Rang" in first and "von 9 Ortsteilen" in first
    assert "Einwohner:innen" in first and "37.740" in first
    assert "Karte" in first and "größte Lücken" in first
    assert "Wo im Ortsteil Vernetzung am meisten gebraucht wird" in first
    assert "http://testserver/planung/methode/" in first.replace(" ", "")
    assert "Kennzahlen im Vergleich mit dem Bezirk" not in first  # the details follow on the next pages
    assert any("Kennzahlen im Vergleich mit dem Bezirk" in page.extract_text() for page in pages[1:])
    # The map is on the first page: its scale bar and the district ranks written into its areas.
    ranks = CoverageResult.objects.filter(run=store.default_run(), planning_area__ortsteil__key="0504")
    assert "1 km" in lines and {str(rank) for rank in ranks.values_list("rank", flat=True)} <= set(lines)
