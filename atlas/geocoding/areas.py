"""Planning areas and Ortsteile in memory: names, representative points, point-in-polygon, clipping."""

from dataclasses import dataclass

from django.contrib.gis.geos import Point
from shapely import wkb as shapely_wkb
from shapely.ops import nearest_points

from atlas.geocoding import snapshot
from atlas.geocoding.normalize import fold
from geodata.models import Ortsteil, PlanningArea


@dataclass(frozen=True)
class Area:
    key: str
    name: str
    geom: object  # GEOS MultiPolygon, EPSG:4326, prepared on first use
    point: tuple  # (lon, lat) of point_on_surface: always inside the area
    ortsteil_key: str = ""  # planning areas only: the Ortsteil holding most of the area

    def contains(self, point):
        return self.geom.prepared.covers(point)


class AreaIndex:
    def __init__(self, planning_areas, ortsteile):
        self.planning_areas = {area.key: area for area in planning_areas}
        self.ortsteile = {area.key: area for area in ortsteile}
        self.ortsteil_by_name = {fold(area.name): area for area in ortsteile}
        self.planning_area_by_name = {}
        for area in planning_areas:
            self.planning_area_by_name.setdefault(fold(area.name), area)

    def locate(self, lon, lat):
        """(planning area, Ortsteil) containing the point, or (None, None) outside Spandau."""
        point = Point(lon, lat, srid=4326)
        planning_area = next((a for a in self.planning_areas.values() if a.contains(point)), None)
        ortsteil = next((a for a in self.ortsteile.values() if a.contains(point)), None)
        if planning_area and not ortsteil:
            ortsteil = self.ortsteile.get(planning_area.ortsteil_key)
        return planning_area, ortsteil

    def clip(self, lon, lat, planning_area_key):
        """The point itself when inside the planning area, else the nearest point of the area."""
        area = self.planning_areas.get(planning_area_key)
        if area is None or area.contains(Point(lon, lat, srid=4326)):
            return lon, lat
        polygon = shapely_wkb.loads(bytes(area.geom.wkb))
        # The nearest point of the outline itself lies on the border, which rounding can push into
        # the neighbouring area (streets often are the border): take it from a slightly shrunk area.
        inner = polygon.buffer(-CLIP_INSET_DEGREES)
        if inner.is_empty:
            return area.point
        nearest = nearest_points(inner, shapely_wkb.loads(bytes(Point(lon, lat).wkb)))[0]
        return nearest.x, nearest.y


# About 2 m in Berlin: far more than the 6-decimal rounding of results (0.1 m).
CLIP_INSET_DEGREES = 0.00002


def _build():
    def area(row, **extra):
        point = row.geom.point_on_surface
        return Area(key=row.key, name=row.name, geom=row.geom, point=(point.x, point.y), **extra)

    ortsteile = [area(row) for row in Ortsteil.objects.only("key", "name", "geom")]
    planning_areas = [area(row, ortsteil_key=row.ortsteil.key)
                      for row in PlanningArea.objects.select_related("ortsteil").only("key", "name", "geom",
                                                                                         "ortsteil__key")]
    return AreaIndex(planning_areas, ortsteile)


def area_index():
    return snapshot.get("areas", [PlanningArea.objects.all(), Ortsteil.objects.all()], _build)
