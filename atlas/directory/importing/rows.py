"""One row of an import file checked and turned into an unsaved entry (atlas.directory.importing.service
writes them): values parsed, vocabulary keys resolved, address geocoded, errors and warnings
collected in the row's report with the column they concern."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from atlas.directory.importing import columns as cols
from atlas.directory.importing.report import RowReport
from atlas.directory.importing.values import (
    CellError,
    parse_bool,
    parse_decimal,
    parse_email,
    parse_postcode,
    parse_url,
    parse_year,
)
from atlas.directory.importing.vocabulary import Vocabularies
from atlas.directory.models import LocationPrecision, PublicationStatus
from atlas.geocoding.areas import area_index
from atlas.geocoding.result import is_precise
from atlas.geocoding.service import apply_geocode, geocode
from common.projection import to_metric
from common.text import fold_words

SAME_POINT_DEGREES = 1e-6  # about 0.1 m
COARSE_PRECISIONS = {LocationPrecision.PLANNING_AREA, LocationPrecision.ORTSTEIL}
TEXT_FIELDS = ("short_description", "description", "phone", "legal_form", "opening_hours_note", "operator_name",
               "cost", "accessibility_note")


@dataclass
class PreparedRow:
    report: RowReport
    entry: object = None  # the unsaved new entry or the changed existing one
    related: dict = field(default_factory=dict)  # relation → [vocabulary objects]
    match_key: tuple = ()
    metric_point: object = None


class RowImporter:
    def __init__(self, model, kind, default_status, can_set_status, can_update):
        self.model = model
        self.kind = kind
        self.default_status = default_status
        self.can_set_status = can_set_status
        self.can_update = can_update
        self.vocabularies = Vocabularies()
        self.by_slug, self.by_name_postcode, self.by_name = {}, {}, {}
        for pk, slug, name, postcode in model.objects.values_list("pk", "slug", "name", "postcode"):
            self.by_slug[slug] = pk
            self.by_name_postcode.setdefault((fold_words(name), postcode), pk)
            self.by_name.setdefault(fold_words(name), []).append(pk)
        self.taken_slugs = set(self.by_slug)

    def prepare(self, line, values):
        report = RowReport(line=line, name=values.get("name", ""))
        row = PreparedRow(report=report)
        name = values.get("name", "")
        if not name:
            report.errors.append(_("Name fehlt"))
        parsed = self._parse(values, report)

        existing = self._match(name, values, parsed) if name else None
        if existing is not None:
            # An empty cell never clears what an existing entry has (a public export has empty
            # cells where data is private; clearing is done in the admin).
            parsed = {key: value for key, value in parsed.items() if values.get(key, "x") != ""}
            if not values.get("street") and not values.get("house_number"):
                parsed.pop("street", None)
        if existing is not None and not self.can_update:
            report.errors.append(_("„%(name)s“ ist schon im Verzeichnis (Kurzname %(slug)s); ändern dürfen ihn nur "
                                   "Nutzer:innen mit der Berechtigung „ändern“.")
                                 % {"name": existing.name, "slug": existing.slug})
        entry = existing or self.model()
        report.action = "update" if existing else "create"
        row.match_key = (fold_words(name), parsed.get("postcode", ""))

        for field_name, value in parsed.items():
            if field_name in cols.LIST_FIELDS:
                row.related[field_name] = value
            elif field_name not in ("lat", "lon", "slug", "status", "street", "postcode", "location_precision"):
                setattr(entry, field_name, value)
        self._set_status(entry, values, parsed, report, existing)
        address_changed = self._set_address(entry, parsed)
        if existing is None:
            entry.slug = self._new_slug(values.get("slug") or name)
        if self.kind == "meeting-places" and entry.place_type_id is None and not values.get("kind"):
            entry.place_type = self.vocabularies.lookup("place_type", "other")
            if entry.place_type is not None:
                report.warnings.append(_("Art fehlt – als „%(type)s“ eingetragen") % {"type": entry.place_type})
        if name:
            self._locate(entry, parsed, address_changed, report)
            # An unknown Art is reported already; the model's "required" would only say it again.
            unknown_type = self.kind == "meeting-places" and entry.place_type_id is None and bool(values.get("kind"))
            self._full_clean(entry, report, exclude=["place_type"] if unknown_type else [])
        row.entry = entry
        row.metric_point = to_metric(entry.location) if entry.location is not None else None
        return row

    # --- cells -----------------------------------------------------------------------------------

    def _parse(self, values, report):
        """The cells of the row as model values; errors go into the report."""
        parsed = {}
        vocabularies = self.vocabularies

        def attempt(field_name, parser, *args):
            text = values.get(field_name)
            if text is None:
                return
            try:
                parsed[field_name] = parser(text, *args)
            except CellError as error:
                report.errors.append(str(error))

        for field_name in TEXT_FIELDS:
            if field_name in values:
                parsed[field_name] = values[field_name]
        if values.get("name"):
            parsed["name"] = values["name"]
        if values.get("slug"):
            parsed["slug"] = slugify(values["slug"])
        for field_name in cols.BOOLEAN_FIELDS:
            attempt(field_name, parse_bool, _column_label(field_name))
        if "founded_year" in values:
            parsed["founded_year"] = None
            if values["founded_year"]:
                attempt("founded_year", parse_year)
        for field_name, parser in (("email", parse_email), ("website", parse_url), ("postcode", parse_postcode)):
            if field_name in values:
                parsed[field_name] = ""
                if values[field_name]:
                    attempt(field_name, parser)
        if "street" in values or "house_number" in values:
            parsed["street"] = " ".join(part for part in (values.get("street", ""), values.get("house_number", ""))
                                        if part)
        vocabularies.parse(values, parsed, report.errors, self.kind)
        self._parse_coordinates(values, parsed, report)
        return parsed

    def _parse_coordinates(self, values, parsed, report):
        lat_text, lon_text = values.get("lat", ""), values.get("lon", "")
        if not lat_text and not lon_text:
            return
        if not (lat_text and lon_text):
            report.errors.append(_("Koordinaten: Breitengrad und Längengrad müssen beide angegeben sein"))
            return
        try:
            lat = parse_decimal(lat_text, _("Breitengrad"))
            lon = parse_decimal(lon_text, _("Längengrad"))
        except CellError as error:
            report.errors.append(str(error))
            return
        areas = area_index()
        if -90 <= lat <= 90 and -180 <= lon <= 180 and areas.locate(lon, lat)[0] is not None:
            parsed["lat"], parsed["lon"] = lat, lon
            return
        message = _("Koordinaten %(lat)s, %(lon)s liegen außerhalb von Spandau") % {"lat": lat_text, "lon": lon_text}
        if -90 <= lon <= 90 and areas.locate(lat, lon)[0] is not None:
            message += " " + _("(Breitengrad und Längengrad vertauscht?)")
        report.errors.append(message)

    # --- entry -----------------------------------------------------------------------------------

    def _match(self, name, values, parsed):
        """The existing entry this row refers to: by Kurzname (slug), else by folded name and postcode
        (by name alone when the file gives no postcode and only one entry has that name)."""
        pk = None
        if parsed.get("slug"):
            pk = self.by_slug.get(parsed["slug"])
        if pk is None:
            folded = fold_words(name)
            if parsed.get("postcode"):
                pk = self.by_name_postcode.get((folded, parsed["postcode"]))
            elif len(self.by_name.get(folded, [])) == 1:
                pk = self.by_name[folded][0]
        return self.model.objects.get(pk=pk) if pk is not None else None

    def _new_slug(self, text):
        base = slugify(text)[:100].strip("-") or "eintrag"
        slug, number = base, 2
        while slug in self.taken_slugs:
            slug = f"{base}-{number}"
            number += 1
        self.taken_slugs.add(slug)
        return slug

    def _set_status(self, entry, values, parsed, report, existing):
        status = parsed.get("status")
        if status and self.can_set_status:
            entry.status = status
            return
        if status and status != self.default_status:
            report.warnings.append(_("Status „%(status)s“ aus der Datei wird nicht übernommen: nur Koordinator:innen "
                                     "dürfen ihn setzen.") % {"status": PublicationStatus(status).label})
        if existing is None:
            entry.status = self.default_status

    def _set_address(self, entry, parsed):
        """Copy street and postcode; True when the address of an existing entry changed (or it is new)."""
        changed = entry.pk is None
        for field_name in ("street", "postcode"):
            if field_name in parsed and parsed[field_name] != getattr(entry, field_name):
                setattr(entry, field_name, parsed[field_name])
                changed = True
        return changed

    def _locate(self, entry, parsed, address_changed, report):
        manual = entry.pk is not None and entry.location_set_manually
        if "lat" in parsed:
            if manual:
                report.notes.append(_("Lage wurde von Hand gesetzt und bleibt unverändert"))
                return
            point = Point(parsed["lon"], parsed["lat"], srid=settings.STORAGE_SRID)
            if entry.location is not None and entry.location.distance(point) < SAME_POINT_DEGREES:
                return  # the point of an exported file coming back: keep it and its precision
            precision = parsed.get("location_precision") or LocationPrecision.EXACT
            if precision in COARSE_PRECISIONS and entry.location is not None:
                # Only the representative point of an area (as the public export gives for private
                # addresses): the entry's own point is better.
                report.notes.append(_("Koordinaten der Datei sind nur ein Punkt des Gebiets; die bisherige Lage "
                                      "bleibt"))
                return
            entry.location = point
            entry.location_precision = LocationPrecision.EXACT if precision == LocationPrecision.MANUAL else precision
            entry.needs_location = False
            if is_precise(entry.location_precision):
                report.notes.append(_("Lage: Koordinaten aus der Datei"))
            else:
                report.warnings.append(_("Koordinaten der Datei sind nur ein ungefährer Punkt (Genauigkeit: "
                                         "%(precision)s). Bitte nach dem Import unter „Lage genau setzen“ auf der "
                                         "Karte setzen.") % {"precision": LocationPrecision(precision).label})
            return
        if manual:
            if address_changed:
                report.notes.append(_("Lage wurde von Hand gesetzt und bleibt unverändert"))
            return
        if not address_changed and entry.location is not None:
            return  # the address is the same: keep the point (geocoding is for changed addresses)
        address = ", ".join(part for part in (entry.street, f"{entry.postcode} Berlin" if entry.postcode else "")
                            if part)
        if not address:
            apply_geocode(entry, geocode(""))
            report.warnings.append(_("Keine Adresse und keine Koordinaten – wird ohne Lage importiert und als „Lage "
                                     "fehlt“ markiert"))
            return
        result = geocode(address)
        apply_geocode(entry, result)
        if result and is_precise(result.precision):
            report.notes.append(_("Lage: %(label)s (Genauigkeit: %(precision)s)") % {
                "label": result.label, "precision": LocationPrecision(result.precision).label})
        elif result:
            report.warnings.append(_imprecise_message(result))
        elif result.unavailable:
            report.warnings.append(_("Adresse „%(address)s“: Geocoder nicht erreichbar – wird ohne Lage importiert "
                                     "und als „Lage fehlt“ markiert") % {"address": address})
        else:
            report.warnings.append(_("Adresse „%(address)s“ nicht gefunden – wird ohne Lage importiert und als „Lage "
                                     "fehlt“ markiert") % {"address": address})

    def _full_clean(self, entry, report, exclude=()):
        try:
            entry.full_clean(exclude=["location_metric", *exclude], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                label = _field_label(self.model, field_name)
                report.errors += [f"{label}: {message}" for message in messages]


def _imprecise_message(result):
    """A warning for an address placed below address precision: how precise, and where to fix it."""
    arguments = {"label": result.label, "precision": LocationPrecision(result.precision).label,
                 "area": result.planning_area_name or result.ortsteil_name}
    if result.precision == LocationPrecision.STREET:
        message = _("„%(label)s“ nur ungefähr gefunden: Punkt geschätzt entlang der Straße (Genauigkeit: "
                    "%(precision)s).")
    elif result.precision == LocationPrecision.PLANNING_AREA and arguments["area"]:
        message = _("„%(label)s“ nur ungefähr gefunden: Punkt des Planungsraums %(area)s (Genauigkeit: "
                    "%(precision)s).")
    else:
        message = _("„%(label)s“ nur ungefähr gefunden (Genauigkeit: %(precision)s).")
    return (message % arguments) + " " + _("Bitte nach dem Import unter „Lage genau setzen“ auf der Karte setzen.")


def _column_label(field_name):
    return cols.ALL_FIELDS[field_name][0]


def _field_label(model, field_name):
    if field_name == "__all__":
        return _("Eintrag")
    try:
        return str(model._meta.get_field(field_name).verbose_name)
    except Exception:
        return field_name
