"""The map layers of the API: one query per layer and the properties each feature carries.

Collections read flat rows with ``values_list`` (one query, related names joined, no model
instances); details may use instances, since they are one row with many fields.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Sum
from django.utils.translation import gettext

from common.api.geojson import COORDINATE_PRECISION, feature, geometry_json
from geodata.models import (
    DataSource,
    Facility,
    FacilityType,
    HousingEstate,
    Ortsteil,
    PlanningArea,
    Population,
    SocialMonitoring,
)

SOURCE_FIELDS = ("key", "title", "publisher", "licence", "attribution", "vintage", "url")


def percent(part, whole):
    """Share in %, two decimals, as Population computes it; None when there is nothing to divide."""
    if part is None or not whole:
        return None
    return round(100.0 * part / whole, 2)


def square_kilometres(area_m2):
    return round(area_m2 / 1_000_000, 3) if area_m2 is not None else None


def status_label(index):
    label = SocialMonitoring.STATUS_CLASSES.get(index)
    return str(label) if label is not None else None


def dynamics_label(index):
    label = SocialMonitoring.DYNAMICS_CLASSES.get(index)
    return str(label) if label is not None else None


def unique(keys):
    """Source keys or ids in first-seen order, skipping the gaps left by missing related records."""
    return list(dict.fromkeys(key for key in keys if key))


def ortsteil_features():
    # Summed separately: grouping the layer query itself would GROUP BY the geometry text.
    totals = {
        ortsteil_id: (residents, migration_background, foreigners)
        for ortsteil_id, residents, migration_background, foreigners in (
            Population.objects.order_by()
            .values("planning_area__ortsteil_id")
            .annotate(
                residents_sum=Sum("residents"),
                migration_background_sum=Sum("with_migration_background"),
                foreigners_sum=Sum("foreigners"),
            )
            .values_list("planning_area__ortsteil_id", "residents_sum", "migration_background_sum", "foreigners_sum")
        )
    }
    rows = (
        Ortsteil.objects.order_by("key")
        .annotate(geometry=geometry_json())
        .values_list("id", "key", "name", "area_m2", "source__key", "geometry")
    )
    features = []
    for pk, key, name, area_m2, source_key, geometry in rows:
        residents, migration_background, foreigners = totals.get(pk, (None, None, None))
        features.append(feature(key, geometry, {
            "key": key,
            "name": name,
            "area_km2": square_kilometres(area_m2),
            "residents": residents,
            "migration_background_share": percent(migration_background, residents),
            "foreigners_share": percent(foreigners, residents),
            "source": source_key,
        }))
    return features


PLANNING_AREA_COLUMNS = (
    "key", "name", "ortsteil__name", "ortsteil__key", "bezirksregion__name", "bezirksregion__prognoseraum__name",
    "area_m2", "source__key",
    "population__residents", "population__with_migration_background", "population__foreigners",
    "population__source__key",
    "social_monitoring__valid", "social_monitoring__status_index", "social_monitoring__dynamics_index",
    "social_monitoring__source__key",
    "housing_ownership__municipal_share", "housing_ownership__source__key",
    "geometry",
)


def planning_area_features():
    rows = PlanningArea.objects.order_by("key").annotate(geometry=geometry_json()).values_list(*PLANNING_AREA_COLUMNS)
    features = []
    for (key, name, ortsteil, ortsteil_key, bezirksregion, prognoseraum, area_m2, source_key,
         residents, migration_background, foreigners, population_source,
         mss_valid, status_index, dynamics_index, mss_source,
         municipal_share, housing_source, geometry) in rows:
        # The MSS publishes no index for areas under 300 residents; a stored number would mislead.
        if not mss_valid:
            status_index = dynamics_index = None
        features.append(feature(key, geometry, {
            "key": key,
            "name": name,
            "ortsteil": ortsteil,
            "ortsteil_key": ortsteil_key,
            "bezirksregion": bezirksregion,
            "prognoseraum": prognoseraum,
            "area_km2": square_kilometres(area_m2),
            "residents": residents,
            "migration_background": migration_background,
            "migration_background_share": percent(migration_background, residents),
            "foreigners": foreigners,
            "foreigners_share": percent(foreigners, residents),
            "mss_status_index": status_index,
            "mss_status_label": status_label(status_index),
            "mss_dynamics_index": dynamics_index,
            "mss_dynamics_label": dynamics_label(dynamics_index),
            "municipal_housing_share": municipal_share,
            "sources": unique((source_key, population_source, mss_source, housing_source)),
        }))
    return features


def related_or_none(instance, name):
    """A one-to-one record that may not exist for this planning area."""
    try:
        return getattr(instance, name)
    except ObjectDoesNotExist:
        return None


def source_object(source):
    return {field: getattr(source, field) for field in SOURCE_FIELDS}


def planning_area_detail(key):
    area = (
        # The sources come in a second query: four more joins cost PostgreSQL more planning time
        # (about 5 ms) than a separate query does.
        PlanningArea.objects.select_related(
            "ortsteil", "bezirksregion__prognoseraum", "population", "social_monitoring", "housing_ownership",
        )
        # Parsing the joined areas' polygons into GEOS objects cost more than the whole query.
        .defer("geom", "ortsteil__geom", "bezirksregion__geom", "bezirksregion__prognoseraum__geom")
        .annotate(geometry=geometry_json())
        .filter(key=key)
        .first()
    )
    if area is None:
        return None
    population = related_or_none(area, "population")
    monitoring = related_or_none(area, "social_monitoring")
    ownership = related_or_none(area, "housing_ownership")
    properties = {
        "key": area.key,
        "name": area.name,
        "ortsteil": area.ortsteil.name,
        "ortsteil_key": area.ortsteil.key,
        "bezirksregion": area.bezirksregion.name,
        "bezirksregion_key": area.bezirksregion.key,
        "prognoseraum": area.bezirksregion.prognoseraum.name,
        "prognoseraum_key": area.bezirksregion.prognoseraum.key,
        "area_km2": square_kilometres(area.area_m2),
        **population_properties(population),
        **monitoring_properties(monitoring),
        **ownership_properties(ownership),
    }
    records = [record for record in (area, population, monitoring, ownership) if record is not None]
    source_ids = unique(record.source_id for record in records)
    sources = DataSource.objects.in_bulk(source_ids)
    properties["reference_dates"] = {
        "population": population.reference_date.isoformat() if population else None,
        "social_monitoring": sources[monitoring.source_id].vintage if monitoring else None,
        "housing_ownership": sources[ownership.source_id].vintage if ownership else None,
    }
    properties["sources"] = [source_object(sources[source_id]) for source_id in source_ids]
    return feature(area.key, area.geometry, properties)


def population_properties(population):
    if population is None:
        population = Population()  # every figure None, so clients see the same keys
    residents = population.residents
    return {
        "residents": residents,
        "female": population.female,
        "germans": population.germans,
        "germans_without_migration_background": population.germans_without_migration_background,
        "germans_with_migration_background": population.germans_with_migration_background,
        "migration_background": population.with_migration_background,
        "migration_background_share": percent(population.with_migration_background, residents),
        "migration_background_female": population.migration_background_female,
        "foreigners": population.foreigners,
        "foreigners_share": percent(population.foreigners, residents),
        "age_groups": population.age_groups,
        "migration_background_age_groups": population.migration_background_age_groups,
        "origin": population.origin,
    }


MSS_INDICATORS = (
    "unemployment", "transfer_benefits", "child_poverty",
    "unemployment_change", "transfer_benefits_change", "child_poverty_change",
)


def monitoring_properties(monitoring):
    valid = bool(monitoring and monitoring.valid)
    status_index = monitoring.status_index if valid else None
    dynamics_index = monitoring.dynamics_index if valid else None
    return {
        "mss_valid": valid,
        "mss_residents_2020": monitoring.residents_2020 if monitoring else None,
        "mss_status_index": status_index,
        "mss_status_label": status_label(status_index),
        "mss_dynamics_index": dynamics_index,
        "mss_dynamics_label": dynamics_label(dynamics_index),
        "mss_status_dynamics_class": (monitoring.status_dynamics_class or None) if valid else None,
        **{name: getattr(monitoring, name) if monitoring else None for name in MSS_INDICATORS},
        "context_indicators": monitoring.context_indicators if monitoring else None,
    }


OWNERSHIP_SHARES = (
    "cooperative_share", "private_persons_share", "legal_entities_share", "common_good_share",
)


def ownership_properties(ownership):
    return {
        "residential_area_m2": ownership.residential_area_m2 if ownership else None,
        "municipal_housing_share": ownership.municipal_share if ownership else None,
        **{name: getattr(ownership, name) if ownership else None for name in OWNERSHIP_SHARES},
    }


def facility_features(facilities):
    """The slim map layer: popups fetch the details of one facility on click."""
    rows = facilities.order_by("id").annotate(geometry=geometry_json()).values_list(
        "id", "name", "facility_type__key", "geometry"
    )
    return [
        feature(pk, geometry, {"id": pk, "name": name, "type": type_key})
        for pk, name, type_key, geometry in rows
    ]


def transit_stop_features(stops):
    """The stops layer: id, name, modes and whether it is an S-Bahn or U-Bahn station."""
    rows = stops.order_by("id").annotate(geometry=geometry_json()).values_list(
        "id", "name", "modes", "rapid_transit", "geometry"
    )
    return [
        feature(pk, geometry, {"id": pk, "name": name, "modes": modes, "rapid_transit": rapid_transit})
        for pk, name, modes, rapid_transit, geometry in rows
    ]


def near_stop_feature(stop):
    """A geodata.transit.NearStop as a Feature, with its rounded distance."""
    point = {"type": "Point", "coordinates": [round(stop.lon, COORDINATE_PRECISION),
                                              round(stop.lat, COORDINATE_PRECISION)]}
    return {"type": "Feature", "id": stop.id, "geometry": point, "properties": stop.as_dict()}


def facility_detail(pk):
    facility = (
        Facility.objects.select_related("facility_type", "planning_area", "ortsteil", "source")
        .defer("geom", "geom_metric", "attributes", "planning_area__geom", "ortsteil__geom")
        .annotate(geometry=geometry_json())
        .filter(pk=pk)
        .first()
    )
    if facility is None:
        return None
    source = facility.source
    return feature(facility.pk, facility.geometry, {
        "id": facility.pk,
        "name": facility.name,
        "type": facility.facility_type.key,
        "type_name": gettext(facility.facility_type.name),
        "street": facility.street,
        "postcode": facility.postcode,
        "website": facility.website,
        "capacity": facility.capacity,
        "operator": facility.operator,
        "planning_area": facility.planning_area.key,
        "planning_area_name": facility.planning_area.name,
        "ortsteil": facility.ortsteil.key,
        "ortsteil_name": facility.ortsteil.name,
        "source": {"key": source.key, "title": source.title, "attribution": source.attribution,
                   "licence": source.licence},
    })


def housing_estate_features():
    planning_areas = {}
    links = HousingEstate.planning_areas.through.objects.order_by("planningarea__key").values_list(
        "housingestate_id", "planningarea__key"
    )
    for estate_id, area_key in links:
        planning_areas.setdefault(estate_id, []).append(area_key)
    rows = HousingEstate.objects.order_by("name").annotate(geometry=geometry_json()).values_list(
        "id", "name", "derivation", "edited", "source__key", "geometry"
    )
    return [
        feature(pk, geometry, {
            "id": pk,
            "name": name,
            "derivation": derivation,
            "planning_areas": planning_areas.get(pk, []),
            "edited": edited,
            "source": source_key,
        })
        for pk, name, derivation, edited, source_key, geometry in rows
    ]


def source_list():
    return list(DataSource.objects.order_by("title").values(*SOURCE_FIELDS))


def facility_type_list():
    rows = list(
        FacilityType.objects.annotate(count=Count("facilities")).values("key", "name", "colour", "count")
    )
    # Type names are stored in German; the importer marks them for translation (gettext_noop), so
    # the catalogue has them. A name a coordinator typed in stays as typed.
    for row in rows:
        row["name"] = gettext(row["name"])
    return sorted(rows, key=lambda row: row["name"])
