"""common.projection.to_metric gives what GDAL's own transform gives, built once per thread."""

import threading

from django.conf import settings
from django.contrib.gis.geos import Point, Polygon

from common.projection import to_metric


def test_same_as_transform_by_srid_for_points_and_polygons():
    point = Point(13.2005, 52.5357, srid=settings.STORAGE_SRID)
    expected = point.transform(settings.METRIC_SRID, clone=True)
    metric = to_metric(point)
    assert metric.srid == settings.METRIC_SRID
    assert metric.distance(expected) < 0.001
    assert point.srid == settings.STORAGE_SRID  # the original is untouched
    square = Polygon.from_bbox((13.20, 52.53, 13.21, 52.54))
    square.srid = settings.STORAGE_SRID
    assert abs(to_metric(square).area - square.transform(settings.METRIC_SRID, clone=True).area) < 0.01


def test_metric_input_and_none_pass_through():
    metric = Point(370000, 5820000, srid=settings.METRIC_SRID)
    assert to_metric(metric) is metric
    assert to_metric(None) is None


def test_each_thread_builds_its_own_transformation():
    results = []

    def work():
        results.append(to_metric(Point(13.2005, 52.5357, srid=settings.STORAGE_SRID)).coords)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 and len(set(results)) == 1
