"""Pages of the needs analysis: an organisation's questionnaire and its matching suggestions (its
editors and the coordinators), the overview with charts and the CSV export (coordinators; planners
see the aggregates without organisation names and without counts below ATLAS_MIN_CELL_SIZE)."""

import csv
import io

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import FormView, TemplateView

from atlas.directory.exporting.columns import Record
from atlas.directory.exporting.formats import to_csv
from atlas.directory.exporting.views import file_response
from atlas.directory.models import Organisation, PublicationStatus
from atlas.needs import charts, disclosure
from atlas.needs.forms import QuestionnaireForm
from atlas.needs.matching import matches_for
from atlas.needs.models import Need
from atlas.needs.queries import needs_overview, organisation_topic_rows
from atlas.roles.permissions import can_edit_organisation, can_view_needs_overview, is_coordinator


def may_answer_for(user, organisation):
    """Questionnaire and matching of one organisation: its editors and the coordinators. Planners read
    the aggregated overview only – an organisation's own answers are not an aggregate."""
    return can_edit_organisation(user, organisation)


def shows_organisation_names(user):
    """The overview and its CSV name organisations for coordinators only."""
    return is_coordinator(user)


def shows_exact_figures(user):
    """Coordinators read every answer anyway; planners get the figures of atlas.needs.disclosure."""
    return is_coordinator(user)


def suppression_note(k):
    return _("Zellen mit weniger als %(k)s Organisationen sind unterdrückt (•), ebenso so viele weitere, dass "
             "sich keine unterdrückte Zahl aus den Summen errechnen lässt.") % {"k": k}


def merged_note(k, names):
    return _("Ortsteile mit weniger als %(k)s Organisationen sind zusammengefasst: %(names)s.") % {
        "k": k, "names": ", ".join(names)}


class OrganisationNeedsMixin:
    """Anonymous → login; others without the right → 403; unknown slug → 404."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.organisation = get_object_or_404(
            Organisation.objects.select_related("ortsteil", "planning_area"), slug=kwargs["slug"])
        if not may_answer_for(request.user, self.organisation):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({
            "organisation": self.organisation,
            "is_published": self.organisation.status == PublicationStatus.PUBLISHED,
            "show_overview_link": can_view_needs_overview(self.request.user),
        })
        return context


class QuestionnaireView(OrganisationNeedsMixin, FormView):
    template_name = "needs/questionnaire.html"
    form_class = QuestionnaireForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.organisation}

    def form_valid(self, form):
        form.save(user=self.request.user)
        return HttpResponseRedirect(
            reverse("needs:questionnaire", kwargs={"slug": self.organisation.slug}) + "?gespeichert=1")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["saved"] = self.request.method == "GET" and self.request.GET.get("gespeichert") == "1"
        context["assessment"] = context["form"].assessment
        return context


class MatchingView(OrganisationNeedsMixin, TemplateView):
    template_name = "needs/matching.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["matches"] = matches_for(self.organisation)
        context["has_location"] = self.organisation.location is not None
        return context


class OverviewAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_view_needs_overview(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _priority_labels():
    return [str(label) for _value, label in Need.Priority.choices]


def empty_state_context(user):
    """What the overview says before any answer: what to do, for whoever reads it. Coordinators get
    the numbers that tell them where to start (no names: there are none to show yet)."""
    published = Organisation.objects.published()
    return {
        "empty": True,
        "show_names": shows_organisation_names(user),
        "published_organisations": published.count(),
        "with_editors": published.filter(editor_links__isnull=False).distinct().count(),
        "min_cell_size": disclosure.min_cell_size(),
    }


class OverviewView(OverviewAccessMixin, TemplateView):
    template_name = "needs/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        overview = needs_overview()
        if not overview.organisations:  # no organisation has named a need or an offer yet
            context.update(empty_state_context(self.request.user))
            return context
        notes = []
        if not shows_exact_figures(self.request.user):
            overview = disclosure.planner_overview(overview)
            if overview.merged_ortsteile:
                notes.append(merged_note(overview.min_cell_size, overview.merged_ortsteile))
            if overview.suppressed:
                notes.append(suppression_note(overview.min_cell_size))
        context.update({
            "overview": overview,
            "priority_labels": _priority_labels(),
            "topic_chart": charts.topic_chart(overview.topics, _priority_labels(), _("Angebote")),
            "heatmap": charts.ortsteil_heatmap(overview),
            "ortsteil_matrix": overview.ortsteil_matrix(),
            "ortsteil_totals": overview.ortsteil_totals(),
            "show_names": shows_organisation_names(self.request.user),
            "disclosure_notes": notes,
        })
        return context


def _coordinator_records():
    records = []
    for row in organisation_topic_rows():
        organisation = row["organisation"]
        records.append(Record(cells=[
            (_("Organisation"), "organisation", organisation["name"]),
            (_("Kurzname"), "slug", organisation["slug"]),
            (_("Status"), "status", organisation["status"]),
            (_("Ortsteil"), "ortsteil", organisation["ortsteil"]),
            (_("Thema"), "topic", row["topic"].name),
            (_("Bedarf"), "need", row["need"]),
            (_("Dringlichkeit"), "priority", row["priority_label"]),
            (_("Beschreibung des Bedarfs"), "need_note", row["need_note"]),
            (_("Bedarf ohne Angebot"), "open", row["open"]),
            (_("Angebot"), "offer", row["offer"]),
            (_("Beschreibung des Angebots"), "offer_note", row["offer_note"]),
        ]))
    return records


def _shown(value):
    return disclosure.SUPPRESSED if value is None else value


def _aggregate_records(overview):
    """Planners: needs and offers per topic × Ortsteil column, small cells suppressed. Needs by
    priority and open needs stay on the page, per topic: split by Ortsteil as well, their differences
    to the needs would be small cells again."""
    records = []
    needs, offers = overview.needs_by_ortsteil.cells, overview.offers_by_ortsteil.cells
    for index, row in enumerate(overview.topics):
        for column, (_ids, name) in enumerate(overview.ortsteile):
            records.append(Record(cells=[
                (_("Thema"), "topic", row.topic.name), (_("Ortsteil"), "ortsteil", str(name)),
                (_("Bedarfe gesamt"), "needs", _shown(needs[index][column])),
                (_("Angebote"), "offers", _shown(offers[index][column]))]))
    return records


def _with_notes(content, notes):
    """The CSV with the notes on suppression as last lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for note in notes:
        writer.writerow([note])
    return content + buffer.getvalue().encode("utf-8")


CSV_HEADERS_COORDINATORS = ["Organisation", "Kurzname", "Status", "Ortsteil", "Thema", "Bedarf", "Dringlichkeit",
                            "Beschreibung des Bedarfs", "Bedarf ohne Angebot", "Angebot", "Beschreibung des Angebots"]


@require_safe
def overview_csv(request):
    """Coordinators: one row per organisation × topic with a need or an offer. Planners: counts per
    topic × Ortsteil (small Ortsteile merged, small cells suppressed), no organisation names, and the
    notes on suppression at the end."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_view_needs_overview(request.user):
        raise PermissionDenied
    with translation.override("de"):  # like the directory export: German headers and values
        if shows_organisation_names(request.user):
            content = to_csv(_coordinator_records(), empty_headers=CSV_HEADERS_COORDINATORS)
            stem = "migraktiv-bedarfsanalyse"
        else:
            overview = disclosure.planner_overview(needs_overview())
            k = overview.min_cell_size
            notes = [merged_note(k, overview.merged_ortsteile)] if overview.merged_ortsteile else []
            content = _with_notes(to_csv(_aggregate_records(overview)), [*notes, suppression_note(k)])
            stem = "migraktiv-bedarfsanalyse-aggregiert"
    return file_response(content, "csv", stem)
