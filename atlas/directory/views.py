"""Public pages of the directory: detail pages, the list without map, and the embeddable map."""

from csp.decorators import csp_replace
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.generic import TemplateView

from atlas.directory.config import FILTER_KEYS, base_map_config, directory_config, locked_filters
from atlas.directory.filters import FILTERS, MAX_PAGE_SIZE
from atlas.directory.jsonld import entry_jsonld
from atlas.directory.models import MeetingPlace, Organisation
from atlas.directory.opening_hours import has_hours, is_open_now, weekly_rows
from atlas.directory.queries import filter_entries
from atlas.directory.suggestions import suggestions
from atlas.directory.summary import result_summary
from atlas.directory.translations import active_language, localized, localized_texts
from atlas.directory.visibility import (
    address_is_public,
    gives_nearest_stops,
    nearby_entries,
    public_address,
    public_contact,
    public_point,
)
from atlas.roles import permissions
from common.api.params import Parameters
from common.basemap import base_map
from geodata.transit import StopIndex, nearest_stops_listing

ORGANISATION_ONLY_FILTERS = ("category", "language", "target_group")
LIST_PARAMETERS = Parameters({name: FILTERS[name] for name in FILTER_KEYS})


class EntryDetailView(TemplateView):
    model = None
    template_name = "directory/entry_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = get_object_or_404(self.model.objects.select_related("planning_area", "ortsteil"), slug=kwargs["slug"])
        # Unpublished entries: only for those who may edit them, and planners (atlas.roles.permissions).
        if not permissions.can_view_entry(self.request.user, entry):
            raise Http404
        permalink = self.request.build_absolute_uri(entry.get_absolute_url())
        point = public_point(entry)
        # Short description and description in the UI language, else German (marked lang="de").
        texts = localized_texts(entry)
        context.update({
            "entry": entry,
            "texts": texts,
            # "Only in German": once, by the first text shown in German instead of the UI language.
            "lead_is_fallback": bool(texts["short_description"]) and texts["short_description"].fallback,
            "description_is_fallback": bool(texts["description"]) and texts["description"].fallback
            and not (texts["short_description"] and texts["short_description"].fallback),
            "is_organisation": isinstance(entry, Organisation),
            "permalink": permalink,
            "contact": public_contact(entry),
            "address": public_address(entry),
            "address_is_public": address_is_public(entry),
            "has_hours": has_hours(entry.opening_hours),
            "hours_rows": weekly_rows(entry.opening_hours),
            "open_now": is_open_now(entry.opening_hours),
            "nearby": nearby_entries(entry),
            "nearest_stops": nearest_stops_listing(
                point if gives_nearest_stops(True, entry.location_precision) else None),
            "jsonld": entry_jsonld(entry, permalink, texts=texts),
            "minimap_config": {
                **base_map(),
                "point": [point.x, point.y] if point else None,
                "planningArea": entry.planning_area.key if entry.planning_area_id else None,
                "ortsteil": entry.ortsteil.key if entry.ortsteil_id else None,
                "name": entry.name,
                "api": {
                    "ortsteile": reverse("geodata:api:ortsteile"),
                    "planningArea": reverse("geodata:api:planning-area", kwargs={"key": entry.planning_area.key})
                    if entry.planning_area_id else None,
                },
            },
            "hours_config": {
                "hours": entry.opening_hours,
                "strings": {"open": _("jetzt geöffnet"), "closed": _("jetzt geschlossen")},
            },
        })
        context.update(self.extra_context_for(entry))
        context.update(entry_actions(self.request.user, entry))
        return context

    def extra_context_for(self, entry):
        return {}


def entry_actions(user, entry):
    """Links to proposing a correction, editing, the history and publishing, as the user may."""
    kind = "organisation" if isinstance(entry, Organisation) else "treffpunkt"
    published = entry.status == "published"
    actions = {"is_published": published,
               "correction_url": reverse("moderation:propose-correction", kwargs={"kind": kind, "slug": entry.slug})
               if published else None}
    if isinstance(entry, Organisation) and permissions.can_edit_organisation(user, entry):
        actions["edit_url"] = reverse("moderation:organisation-edit", kwargs={"slug": entry.slug})
    if isinstance(entry, Organisation) and permissions.can_view_needs(user, entry):
        actions["needs_url"] = reverse("needs:questionnaire", kwargs={"slug": entry.slug})
        actions["matching_url"] = reverse("needs:matching", kwargs={"slug": entry.slug})
    if permissions.can_view_history(user, entry):
        actions["history_url"] = reverse("moderation:history", kwargs={"kind": kind, "slug": entry.slug})
    if not published and permissions.can_publish(user):
        actions["publish_url"] = reverse("moderation:publish", kwargs={"kind": kind, "slug": entry.slug})
    return actions


class OrganisationDetailView(EntryDetailView):
    model = Organisation

    def extra_context_for(self, entry):
        return {
            "kind_label": entry.get_kind_display(),
            "categories": entry.categories.all(),
            "languages": entry.languages.all(),
            "target_groups": entry.target_groups.all(),
            "communities": entry.communities.all(),
            "places": entry.meeting_places.published(),
        }


class MeetingPlaceDetailView(EntryDetailView):
    model = MeetingPlace

    def extra_context_for(self, entry):
        prefetch_related_objects([entry], "facilities__source")
        return {
            "kind_label": entry.place_type.label,
            "rooms": entry.rooms.all(),
            "operator": entry.operator if entry.operator and entry.operator.status == "published" else None,
            "sources": entry.all_sources(),
            "source_records": entry.source_records(),
        }


def did_you_mean(selections, query, language):
    """"Meinten Sie: <a>Moschee</a>?" with a link per suggestion (atlas.directory.suggestions) to this
    page with the other filters kept; '' when there is none."""
    found = suggestions(selections, language) if selections else []
    if not found:
        return ""
    links = []
    for suggestion in found:
        changed = query.copy()
        changed["q"] = suggestion["q"]
        links.append((changed.urlencode(), suggestion["q"]))
    return format_html(_("Meinten Sie: {suggestions}?"),
                       suggestions=format_html_join(", ", '<a href="?{}">{}</a>', links))


class DirectoryListView(TemplateView):
    """The directory as a plain list with filters: works without JavaScript."""

    template_name = "directory/directory.html"
    page_size = 50

    def selections(self, values):
        """The selections of organisations and meeting places matching the filters (the API's query)."""
        selections = []
        if not values.get("type"):
            selections.append(filter_entries(Organisation.objects.all(), values))
        if not any(values.get(key) for key in ORGANISATION_ONLY_FILTERS):
            selections.append(filter_entries(MeetingPlace.objects.all(), values))
        return selections

    def filtered(self, selections):
        """The entries of the selections, by name."""
        entries = [entry for selection in selections for entry in selection.entries(offset=0, limit=MAX_PAGE_SIZE)]
        entries.sort(key=lambda entry: entry.name.casefold())
        return entries

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        given = locked_filters(self.request.GET)
        _values, errors = LIST_PARAMETERS.parse_leniently(given)
        values = {name: value for name, value in given.items() if name not in errors}
        selections = self.selections(values)
        entries = self.filtered(selections)
        page = Paginator(entries, self.page_size).get_page(self.request.GET.get("page"))
        language = active_language()
        now = timezone.now()
        stops = StopIndex.load() if page.object_list else None
        for entry in page:  # the short description in the UI language, else German
            entry.short_text = localized(entry, "short_description", language)
            entry.summary = result_summary(entry, moment=now, stop_index=stops)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update({"values": values, "errors": errors, "page": page, "query": query.urlencode(),
                        "filter_keys": FILTER_KEYS,
                        "did_you_mean": did_you_mean(selections, query, language) if not entries else ""})
        return context


@method_decorator(xframe_options_exempt, name="dispatch")
@method_decorator(csp_replace({"frame-ancestors": ["*"]}), name="dispatch")
class EmbedView(TemplateView):
    """Map and list for other websites' iframes; the filters in the URL are fixed."""

    template_name = "directory/embed.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locked = locked_filters(self.request.GET)
        context["locked"] = locked
        context["embed_config"] = {**base_map_config(), "directory": directory_config(locked=locked, embed=True)}
        return context
