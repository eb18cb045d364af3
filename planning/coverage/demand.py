"""Planning areas and their representative demand points.

The polygons are fetched as stored (EPSG:4326, identical doubles on SpatiaLite and PostGIS) and
projected to EPSG:25833 in Python with GDAL, never by the database: so both backends feed the same
numbers into the method.

Demand of a planning area is spread evenly over a regular grid (default 250 m) clipped to the
area: grid points are the cell centres of one grid anchored at multiples of the spacing, so
neighbouring areas share the same lattice; an area too small or too thin to hold a grid point gets
one point from ``point_on_surface``. ``centroid`` mode puts all of an area's demand on its
centroid (the classic choice, kept for the sensitivity comparison).
"""

from dataclasses import dataclass

import numpy as np
import shapely
from django.conf import settings
from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.contrib.gis.geos import MultiPoint, Point

from geodata.models import PlanningArea


@dataclass
class AreaTable:
    """The planning areas in key order, with what the method needs from each."""

    ids: list
    keys: list
    names: list
    ortsteil_keys: list
    ortsteil_names: list
    polygons: np.ndarray  # shapely geometries in EPSG:25833
    residents: np.ndarray  # float64
    migration_background: np.ndarray  # float64
    status_index: np.ndarray  # float64, NaN where the MSS publishes none (invalid or missing)

    def __len__(self):
        return len(self.keys)

    def index_of_ids(self):
        return {pk: position for position, pk in enumerate(self.ids)}

    def need(self, parameters):
        """Need-weighted residents per area: P = base x (1 + mss_weight x (status - 1) / 3)."""
        base = self.migration_background if parameters.need == "migration_background" else self.residents
        status = np.where(np.isnan(self.status_index), 1.0, self.status_index)
        return base * (1.0 + parameters.mss_weight * (status - 1.0) / 3.0)


@dataclass
class DemandPoints:
    xy: np.ndarray  # (n, 2) metres, EPSG:25833
    area: np.ndarray  # (n,) index into the AreaTable
    share: np.ndarray  # (n,) the point's share of its area's population (sums to 1 per area)

    def __len__(self):
        return len(self.xy)


def metric_transform():
    return CoordTransform(SpatialReference(settings.STORAGE_SRID), SpatialReference(settings.METRIC_SRID))


def to_metric(geometry, transform=None):
    """A stored GEOS geometry (EPSG:4326) as a shapely geometry in EPSG:25833, projected by GDAL."""
    projected = geometry.ogr
    projected.transform(transform or metric_transform())
    return shapely.from_wkb(bytes(projected.wkb))


def lonlat_to_metric(lonlat):
    """(n, 2) longitude/latitude → (n, 2) EPSG:25833 metres, projected by GDAL like the areas."""
    lonlat = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    if len(lonlat) == 0:
        return np.empty((0, 2))
    multipoint = MultiPoint([Point(float(x), float(y)) for x, y in lonlat], srid=settings.STORAGE_SRID)
    return shapely.get_coordinates(to_metric(multipoint))


def load_areas():
    rows = PlanningArea.objects.order_by("key").values_list(
        "id", "key", "name", "ortsteil__key", "ortsteil__name", "geom",
        "population__residents", "population__with_migration_background",
        "social_monitoring__valid", "social_monitoring__status_index",
    )
    transform = metric_transform()
    ids, keys, names, ortsteil_keys, ortsteil_names, polygons = [], [], [], [], [], []
    residents, migration, status = [], [], []
    for pk, key, name, ortsteil_key, ortsteil_name, geom, total, migrants, valid, status_index in rows:
        ids.append(pk)
        keys.append(key)
        names.append(name)
        ortsteil_keys.append(ortsteil_key)
        ortsteil_names.append(ortsteil_name)
        polygons.append(to_metric(geom, transform))
        residents.append(total or 0)
        migration.append(migrants or 0)
        status.append(status_index if valid and status_index is not None else np.nan)
    return AreaTable(
        ids=ids, keys=keys, names=names, ortsteil_keys=ortsteil_keys, ortsteil_names=ortsteil_names,
        polygons=np.array(polygons, dtype=object),
        residents=np.asarray(residents, dtype=float),
        migration_background=np.asarray(migration, dtype=float),
        status_index=np.asarray(status, dtype=float),
    )


def grid_points(polygons, spacing):
    """Cell centres of the global grid (x = (k + 1/2) * spacing) inside each polygon; areas
    without one get their ``point_on_surface``."""
    xy_parts, area_parts = [], []
    for index, polygon in enumerate(polygons):
        minx, miny, maxx, maxy = polygon.bounds
        xs = (np.arange(np.floor(minx / spacing - 0.5), np.ceil(maxx / spacing - 0.5) + 1) + 0.5) * spacing
        ys = (np.arange(np.floor(miny / spacing - 0.5), np.ceil(maxy / spacing - 0.5) + 1) + 0.5) * spacing
        gx, gy = np.meshgrid(xs, ys)
        gx, gy = gx.ravel(), gy.ravel()
        inside = shapely.contains_xy(polygon, gx, gy)
        if inside.any():
            points = np.column_stack((gx[inside], gy[inside]))
        else:
            points = shapely.get_coordinates(shapely.point_on_surface(polygon))
        xy_parts.append(points)
        area_parts.append(np.full(len(points), index, dtype=np.int64))
    return _demand(np.concatenate(xy_parts), np.concatenate(area_parts), len(polygons))


def centroid_points(polygons):
    xy = shapely.get_coordinates(shapely.centroid(np.asarray(polygons, dtype=object)))
    return _demand(xy, np.arange(len(polygons), dtype=np.int64), len(polygons))


def _demand(xy, area, n_areas):
    counts = np.bincount(area, minlength=n_areas)
    return DemandPoints(xy=xy, area=area, share=1.0 / counts[area])


def demand_points(areas, parameters):
    if parameters.demand == "centroid":
        return centroid_points(areas.polygons)
    return grid_points(areas.polygons, parameters.grid_spacing)
