"""Profiles of an Ortsteil (/ortsteile/<key>/) and of a planning area (/planungsraeume/<key>/), the
printable Ortsteil report (/ortsteile/<key>/bericht/) and its PDF (/ortsteile/<key>/bericht.pdf).

The views stay thin: figures come from ``figures``, ranks from ``ranking``, entries from ``nearby``,
the SVG from ``svg``; the PDF is rendered by ``planning.report_pdf``.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from geodata.models import HousingEstate, Ortsteil, PlanningArea
from planning import svg
from planning.coverage.demand import metric_transform, to_metric
from planning.coverage.robust import robust_gaps
from planning.figures import build_profile
from planning.models import CoverageResult
from planning.nearby import entries_around
from planning.ranking import coverage_for, gap_classes, gap_colour
from planning.report_pdf import render_pdf
from planning.transit.views import profile_transit


def signed(value, digits=1):
    if value is None:
        return "–"
    text = number_format(abs(value), digits, force_grouping=True)
    return f"±{text}" if round(value, digits) == 0 else f"{'+' if value > 0 else '−'}{text}"


def _annotate(rows):
    for row in rows:
        row["difference_text"] = signed(row.get("difference"))
        _annotate(row.get("members", []))
    return rows


def charts(profile):
    place = profile.subject.name
    series = [place, _("Bezirk Spandau")]
    shares = {row["key"]: [row["share"], row["district_share"]] for row in profile.key_figures}
    result = {
        "shares": svg.bar_chart(
            "chart-shares", _("Anteile an den Einwohner:innen: %(place)s und Bezirk") % {"place": place},
            [(_("mit Migrationshintergrund"), shares["migration_background"]),
             (_("Ausländer:innen"), shares["foreigners"]), (_("weiblich"), shares["female"])]
            + [(_("städtische Wohnungen (Fläche)"),
                [profile.municipal_share, profile.district_municipal_share])],
            series,
        ),
        "age": svg.bar_chart(
            "chart-age", _("Altersgruppen in Prozent der Einwohner:innen"),
            [(row["label"], [row["share"], row["district_share"]]) for row in profile.age_rows], series,
        ),
        "origin": svg.bar_chart(
            "chart-origin", _("Herkunftsgebiete in Prozent der Einwohner:innen mit Migrationshintergrund"),
            [(row["label"], [row["share"], row["district_share"]]) for row in profile.origin_rows], series,
        ),
    }
    if profile.mss:
        result["mss"] = svg.bar_chart(
            "chart-mss", _("Planungsräume nach sozialem Status (MSS 2021)"),
            [(f"{row['index']} – {row['label']}", [row["areas"]]) for row in profile.mss["classes"]],
            [_("Planungsräume")], unit="", digits=0,
        )
    return result


def static_map(profile, coverage, entries):
    """The subject's planning areas coloured by gap class and labelled with their district rank,
    the neighbours paler, the housing estates dashed, the directory entries as dots."""
    transform = metric_transform()
    classes = {row["key"]: row for row in coverage["rows"]}
    all_classes = dict(CoverageResult.objects.filter(run=coverage["run"]).values_list("planning_area__key",
                                                                                      "gap_class"))
    member_keys = {area.key for area in profile.areas}
    shapes = []
    for key, geom in PlanningArea.objects.order_by("key").values_list("key", "geom"):
        member = key in member_keys
        shapes.append({
            "geometry": to_metric(geom, transform), "fill": gap_colour(all_classes.get(key)),
            "fill_opacity": 1 if member else 0.3, "stroke": "#37474f" if member else "#90a4ae",
            "stroke_width": 1.2 if member else 0.6,
            "label": str(classes[key]["rank"]) if member and key in classes else "",
        })
    for geom in HousingEstate.objects.values_list("geom", flat=True):
        shapes.append({"geometry": to_metric(geom, transform), "fill": "none", "stroke": "#6a1b9a",
                       "stroke_width": 2, "dashed": True})
    focus = to_metric(profile.subject.geom, transform)
    if profile.kind == "planning_area":
        focus_outline = to_metric(profile.subject.ortsteil.geom, transform)
        shapes.append({"geometry": focus_outline, "fill": "none", "stroke": "#263238", "stroke_width": 1.5,
                       "dashed": True})
    shapes.append({"geometry": focus, "fill": "none", "stroke": "#263238", "stroke_width": 3.5})
    points = [{"xy": item["xy"], "fill": "#00587a" if item["kind"] == "organisation" else "#37474f",
               "shape": "circle" if item["kind"] == "organisation" else "square"}
              for item in entries["inside"] + entries["nearby"]]
    title = _("Karte: %(place)s, Planungsräume nach Versorgungslücke") % {"place": profile.subject.name}
    description = _("Planungsräume eingefärbt nach Klasse der Versorgungslücke (1 klein … 5 groß), beschriftet "
                    "mit ihrem Rang im Bezirk; gestrichelt violett die Großwohnsiedlungen; Punkte: "
                    "Organisationen (rund) und Treffpunkte (eckig).")
    return svg.static_map("static-map", title, shapes, focus, points, description=description)


def with_robustness(coverage):
    """Each ranked row with the number of robust-gap settings under which it is in the district's top 10."""
    robust = robust_gaps()
    counts = {row["key"]: row["count"] for row in robust["areas"]}
    for row in coverage["rows"]:
        row["robust_count"] = counts.get(row["key"], 0)
    return robust["n"]


def profile_context(subject, kind, request=None):
    profile = build_profile(subject, kind)
    _annotate(profile.key_figures)
    _annotate(profile.age_rows)
    _annotate(profile.origin_rows)
    _annotate(profile.mss_indicators)
    coverage = coverage_for(profile)
    robust_n = with_robustness(coverage)
    entries = entries_around(to_metric(subject.geom))
    sources = {source.pk: source for source in profile.sources}
    # A meeting place may come from several sources (one real place in several layers): each is named.
    for item in entries["inside"] + entries["nearby"]:
        if item["kind"] == "meeting_place":
            for source in item["entry"].all_sources():
                sources[source.pk] = source
    transit = profile_transit(subject, kind)
    if transit["source"] is not None:
        sources[transit["source"].pk] = transit["source"]
    municipal_difference = (profile.municipal_share - profile.district_municipal_share
                            if profile.municipal_share is not None and profile.district_municipal_share is not None
                            else None)
    return {
        "profile": profile,
        "subject": subject,
        "kind": kind,
        "coverage": coverage,
        "transit": transit,
        "gap_classes": gap_classes(),
        "entries": entries,
        "charts": charts(profile),
        "static_map": static_map(profile, coverage, entries),
        "sources": sorted(sources.values(), key=lambda source: source.title),
        "municipal_difference_text": signed(municipal_difference),
        "generated": timezone.localtime(),
        "robust_n": robust_n,
        # Absolute: the PDF is read away from the site.
        "method_url": request.build_absolute_uri(reverse("planning:method")) if request else reverse("planning:method"),
    }


class OrtsteilListView(TemplateView):
    template_name = "planning/profile_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ortsteile"] = Ortsteil.objects.order_by("name").prefetch_related("planning_areas")
        return context


class OrtsteilProfileView(TemplateView):
    template_name = "planning/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ortsteil = get_object_or_404(Ortsteil, key=kwargs["key"])
        context.update(profile_context(ortsteil, "ortsteil", self.request))
        return context


class PlanningAreaProfileView(TemplateView):
    template_name = "planning/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        area = get_object_or_404(PlanningArea.objects.select_related("ortsteil", "bezirksregion"), key=kwargs["key"])
        context.update(profile_context(area, "planning_area", self.request))
        return context


class OrtsteilReportView(OrtsteilProfileView):
    """The printable report: the same figures, compact, with a print stylesheet (A4)."""

    template_name = "planning/report.html"


class OrtsteilReportPDFView(OrtsteilProfileView):
    template_name = "planning/report_pdf.html"

    def render_to_response(self, context, **response_kwargs):
        document = render_to_string(self.get_template_names()[0], context, request=self.request)
        pdf = render_pdf(document)
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = f"bericht-{context['subject'].key}-{context['generated']:%Y-%m-%d}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
