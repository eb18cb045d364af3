"""The queue of entries without a precise point and the page that places one (coordinators only)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from atlas.directory.models import (
    LocationPrecision,
    MeetingPlace,
    Organisation,
)
from atlas.directory.placing.forms import PlaceForm
from atlas.directory.placing.queries import queue
from atlas.roles import permissions
from common.basemap import base_map

MODELS = {"organisation": Organisation, "treffpunkt": MeetingPlace}
# At most this many entries per kind are listed (the newest changes first; the heading gives the total).
QUEUE_LIMIT = 200
# Metres the pin moves per arrow key, and with Shift.
KEY_STEP_M = 5
KEY_STEP_LARGE_M = 50


def precision_text(entry):
    """Where the entry is now, in words: "Planungsraum (Graetschelsteig)", "fehlt"."""
    if entry.location is None:
        return _("fehlt")
    label = LocationPrecision(entry.location_precision).label if entry.location_precision else _("unbekannt")
    area = entry.planning_area or entry.ortsteil
    return f"{label} ({area.name})" if area else str(label)


class CoordinatorsOnly:
    """Anonymous visitors are sent to the login, everyone else but coordinators gets 403."""

    def dispatch(self, request, *args, **kwargs):
        if not permissions.is_coordinator(request.user):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class QueueView(CoordinatorsOnly, TemplateView):
    template_name = "directory/placing/queue.html"

    def get_context_data(self, **kwargs):
        sections = []
        for kind, model, heading in (("organisation", Organisation, _("Organisationen")),
                                     ("treffpunkt", MeetingPlace, _("Treffpunkte"))):
            entries = queue(model)
            total = entries.count()
            rows = [{"entry": entry, "now": precision_text(entry),
                     "url": reverse("atlas:place-entry", kwargs={"kind": kind, "pk": entry.pk})}
                    for entry in entries[:QUEUE_LIMIT]]
            sections.append({"kind": kind, "heading": heading, "rows": rows, "total": total})
        return super().get_context_data(sections=sections, **kwargs)


class PlaceView(CoordinatorsOnly, TemplateView):
    template_name = "directory/placing/place.html"

    def get_entry(self):
        model = MODELS.get(self.kwargs["kind"])
        if model is None:
            raise Http404
        return get_object_or_404(model.objects.select_related("planning_area", "ortsteil"), pk=self.kwargs["pk"])

    def get_context_data(self, form=None, **kwargs):
        entry = self.get_entry()
        if form is None:
            initial = {"lat": f"{entry.location.y:.6f}", "lon": f"{entry.location.x:.6f}"} if entry.location else {}
            form = PlaceForm(initial=initial)
        return super().get_context_data(entry=entry, form=form, now=precision_text(entry),
                                        map_config=self.map_config(entry), **kwargs)

    def map_config(self, entry):
        point = entry.location
        area = entry.planning_area
        return {
            **base_map(),
            "point": [point.x, point.y] if point else None,
            "placed": point is not None,
            "planningArea": area.key if area else None,
            "stepM": KEY_STEP_M,
            "largeStepM": KEY_STEP_LARGE_M,
            "api": {
                "ortsteile": reverse("geodata:api:ortsteile"),
                "planningArea": reverse("geodata:api:planning-area", kwargs={"key": area.key}) if area else None,
            },
            "strings": {
                "pin": _("Stecknadel von „%(name)s“: mit den Pfeiltasten verschieben") % {"name": entry.name},
                "moved": _("Stecknadel bei Breitengrad %(lat)s, Längengrad %(lon)s"),
            },
        }

    def post(self, request, *args, **kwargs):
        entry = self.get_entry()
        form = PlaceForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        with transaction.atomic():
            entry.location = form.cleaned_data["point"]
            entry.location_precision = LocationPrecision.MANUAL
            entry.location_set_manually = True
            entry._change_reason = "Lage von Hand gesetzt (Lage genau setzen)"
            entry.save()
        messages.success(request, _("Lage von „%(name)s“ gespeichert: von Hand gesetzt, sie wird nicht mehr "
                                    "durch die Adresssuche verändert.") % {"name": entry.name})
        return redirect("atlas:placing")
