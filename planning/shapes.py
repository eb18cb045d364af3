"""The outlines of the areas the planner's figures are given for, as GeoJSON text by key."""

from common.api.geojson import geometry_json
from geodata.models import HousingEstate, Ortsteil, PlanningArea


def geometries(level):
    """{key: GeoJSON text} of the Ortsteile, housing estates (by id) or planning areas."""
    if level == "ortsteil":
        rows = Ortsteil.objects.annotate(geometry=geometry_json()).values_list("key", "geometry")
    elif level == "housing_estate":
        rows = HousingEstate.objects.annotate(geometry=geometry_json()).values_list("id", "geometry")
    else:
        rows = PlanningArea.objects.annotate(geometry=geometry_json()).values_list("key", "geometry")
    return {str(key): geometry for key, geometry in rows}
