"""Time the directory API against raw PostGIS queries producing the same GeoJSON.

Creates a throwaway PostGIS database (default ``atlas_bench`` on 127.0.0.1, dropped at the end),
migrates it, imports the real geodata and adds 10,000 synthetic organisations (``is_sample=True``,
named "Synthetic benchmark org N", random points in Spandau, 1–3 categories, 1–2 languages). Then:

1. the whole district as GeoJSON through the API (Django test client, two pages of page_size=5000,
   the API's maximum) vs one raw query building the same FeatureCollection in PostGIS
   (``json_build_object`` + ``json_agg(ST_AsGeoJSON(t.*))``) — goal ≤ 1.5x;
2. the 20 nearest through the API vs a raw KNN query (``<->``) building the same features — goal
   ≤ 2x; a different point on every request (the same points for both), so nothing that depends on
   the point can come from a cache; checks that entries, order and distances equal the raw query's;
   prints the first request after an edit and of a new process (when the count and the hidden
   entries are recomputed and the statement compiled), and the EXPLAIN ANALYZE of the statement the
   API runs (index scan on location_metric expected);
3. the 20 nearest again after adding 20 individual actors without address consent (shown at
   planning-area level, merged in by distance from their planning area's public point).

API and raw query are timed alternately (a slow spell of the shared machine weighs on both); each
figure is the median of ``--runs`` runs after one warm-up, ten times as many for the nearest. Usage:

    .venv/bin/python benchmarks/directory_api.py [--count 10000] [--runs 9] \
        [--server postgis://postgres@127.0.0.1:5432] [--database atlas_bench] [--keep]

The role must be allowed to CREATE DATABASE and CREATE EXTENSION postgis (a superuser).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

NEAR = (13.2005, 52.5357)  # Rathaus Spandau
SPANDAU_BOX = (13.11, 52.45, 13.28, 52.60)

ROW_SQL = """
    SELECT o.id, o.slug, o.name, o.kind, o.short_description,
           COALESCE(c.keys, '{{}}') AS categories, c.keys[1] AS primary_category,
           COALESCE(l.codes, '{{}}') AS languages,
           ot.name AS ortsteil, ot.key AS ortsteil_key, pa.key AS planning_area,
           NULLIF(o.location_precision, '') AS location_precision, o.is_sample,
           '/organisationen/' || o.slug || '/' AS url, o.location AS geom {extra}
    FROM atlas_organisation o
    LEFT JOIN geodata_ortsteil ot ON ot.id = o.ortsteil_id
    LEFT JOIN geodata_planningarea pa ON pa.id = o.planning_area_id
    LEFT JOIN LATERAL (SELECT array_agg(k.key ORDER BY k.position, k.name) AS keys
                       FROM atlas_organisation_categories oc JOIN atlas_category k ON k.id = oc.category_id
                       WHERE oc.organisation_id = o.id) c ON true
    LEFT JOIN LATERAL (SELECT array_agg(g.code ORDER BY g.german_name) AS codes
                       FROM atlas_organisation_languages ol JOIN atlas_language g ON g.id = ol.language_id
                       WHERE ol.organisation_id = o.id) l ON true
    WHERE o.status = 'published'
    {order}
"""
COLLECTION_SQL = """
    SELECT json_build_object('type', 'FeatureCollection',
                             'features', json_agg(ST_AsGeoJSON(t.*, 'geom', 6)::json))::text
    FROM ({rows}) t
"""


def admin_connection(server):
    import psycopg

    parts = urlsplit(server.replace("postgis://", "postgresql://"))
    return psycopg.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
                           password=parts.password, dbname="postgres", autocommit=True)


def create_database(server, name):
    with admin_connection(server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    import psycopg

    parts = urlsplit(server.replace("postgis://", "postgresql://"))
    with psycopg.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
                         password=parts.password, dbname=name, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")


def drop_database(server, name):
    with admin_connection(server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def median_ms(function, runs):
    function()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def compare_ms(api, raw, runs):
    """Medians of `api` and `raw`, timed alternately so that a slow spell of a shared machine
    weighs on both sides alike."""
    api()
    raw()  # warm-up
    api_times, raw_times = [], []
    for _ in range(runs):
        for function, times in ((api, api_times), (raw, raw_times)):
            start = time.perf_counter()
            function()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(api_times), statistics.median(raw_times)


def populate(count, seed):
    from django.conf import settings
    from django.contrib.gis.geos import Point
    from django.db import connection

    from atlas.directory.models import Category, Language, Organisation
    from common.text import fold_words

    rng = random.Random(seed)
    kinds = [k for k in Organisation.Kind.values if k != Organisation.Kind.INDIVIDUAL]
    categories = list(Category.objects.values_list("pk", flat=True))
    languages = list(Language.objects.values_list("pk", flat=True))
    organisations = []
    for n in range(1, count + 1):
        point = Point(rng.uniform(SPANDAU_BOX[0], SPANDAU_BOX[2]), rng.uniform(SPANDAU_BOX[1], SPANDAU_BOX[3]),
                      srid=settings.STORAGE_SRID)
        name = f"Synthetic benchmark org {n}"
        organisations.append(Organisation(
            name=name, slug=f"synthetic-benchmark-org-{n}", kind=rng.choice(kinds), is_sample=True,
            short_description="Synthetischer Datensatz für den Benchmark", status="published",
            location=point, location_metric=point.transform(settings.METRIC_SRID, clone=True),
            location_precision="address", search_text=fold_words(name),
        ))
    # bulk_create skips save(): the areas are assigned below in one UPDATE each.
    created = Organisation.objects.bulk_create(organisations, batch_size=2000)
    category_links = [Organisation.categories.through(organisation_id=o.pk, category_id=c)
                      for o in created for c in rng.sample(categories, rng.randint(1, 3))]
    language_links = [Organisation.languages.through(organisation_id=o.pk, language_id=lang)
                      for o in created for lang in rng.sample(languages, rng.randint(1, 2))]
    Organisation.categories.through.objects.bulk_create(category_links, batch_size=5000)
    Organisation.languages.through.objects.bulk_create(language_links, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE atlas_organisation o SET planning_area_id = p.id FROM geodata_planningarea p "
                       "WHERE ST_Contains(p.geom, o.location)")
        cursor.execute("UPDATE atlas_organisation o SET ortsteil_id = t.id FROM geodata_ortsteil t "
                       "WHERE ST_Contains(t.geom, o.location)")
        cursor.execute("ANALYZE")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--server", default="postgis://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="atlas_bench")
    parser.add_argument("--keep", action="store_true", help="do not drop the database at the end")
    args = parser.parse_args()

    create_database(args.server, args.database)
    os.environ["DATABASE_URL"] = f"{args.server.rstrip('/')}/{args.database}"
    try:
        run(args)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(args.server, args.database)
            print(f"\nDropped database {args.database}.")


def run(args):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # DEBUG off (no query log), "testserver" allowed
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("import_geodata", verbosity=0)
    populate(args.count, args.seed)
    print(f"Database {args.database}: migrated, geodata imported, {args.count} synthetic organisations "
          f"in {time.perf_counter() - start:.1f} s. Median of {args.runs} runs, milliseconds.\n")

    client = Client()

    def api_whole():
        # The pages are known in advance: no JSON parsing inside the timed part.
        for page in range(1, pages + 1):
            response = client.get(f"/api/organisations/?page_size=5000&page={page}")
            assert response.status_code == 200, response.content[:300]

    def raw(sql):
        def execute():
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchone()[0]
        return execute

    # Same output: check the API's features equal the raw query's.
    import orjson

    api_features = []
    url = "/api/organisations/?page_size=5000"
    while url:
        response = client.get(url)
        api_features += orjson.loads(response.content)["features"]
        url = _next(response)
    whole_sql = COLLECTION_SQL.format(rows=ROW_SQL.format(extra="", order="ORDER BY o.name, o.id"))
    raw_features = orjson.loads(raw(whole_sql)())["features"]
    same = [f["properties"]["slug"] for f in api_features] == [f["properties"]["slug"] for f in raw_features]
    pages = -(-len(api_features) // 5000)
    print(f"Whole district: {len(api_features)} features from the API, {len(raw_features)} from SQL, "
          f"same order: {same}")

    api_ms, raw_ms = compare_ms(api_whole, raw(whole_sql), args.runs)
    print(f"  API ({pages} pages x 5000)     {api_ms:8.1f}")
    print(f"  raw PostGIS query        {raw_ms:8.1f}")
    print(f"  ratio                    {api_ms / raw_ms:8.2f}x   (goal <= 1.5x)")

    single_page = "/api/organisations/?page_size=5000"
    single_sql = COLLECTION_SQL.format(rows=ROW_SQL.format(extra="", order="ORDER BY o.name, o.id LIMIT 5000"))
    single_api, single_raw = compare_ms(lambda: client.get(single_page), raw(single_sql), args.runs)
    print(f"  one page of 5000: API {single_api:.1f}, raw {single_raw:.1f}, ratio {single_api / single_raw:.2f}x")
    first_page = "/api/organisations/?page_size=20"
    first_sql = COLLECTION_SQL.format(rows=ROW_SQL.format(extra="", order="ORDER BY o.name, o.id LIMIT 20"))
    first_api, first_raw = compare_ms(lambda: client.get(first_page), raw(first_sql), args.runs * 4)
    print(f"  first 20 by name: API {first_api:.2f}, raw {first_raw:.2f}, ratio {first_api / first_raw:.2f}x")

    nearest(args, client, raw, "20 nearest to Rathaus Spandau")

    from atlas.directory.models import Organisation
    from tests.atlas.directory.factories import make_organisation

    rng = random.Random(args.seed + 1)
    for n in range(20):
        make_organisation(name=f"Synthetic benchmark individual {n}", slug=f"synthetic-benchmark-individual-{n}",
                          kind=Organisation.Kind.INDIVIDUAL, is_sample=True,
                          location=(rng.uniform(13.15, 13.25), rng.uniform(52.50, 52.57)))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE atlas_organisation")
    nearest(args, client, raw, "20 nearest with 20 hidden individuals among the candidates", explain=False)


def nearest(args, client, raw, title, explain=True):
    """The 20 nearest to a different point on every request (API and raw query get the same points):
    no answer can come from a cache, only what does not depend on the point."""
    from django.conf import settings
    from django.contrib.gis.geos import Point
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    import atlas.directory.nearest

    rng = random.Random(args.seed + 2)
    points = [(round(rng.uniform(13.15, 13.25), 6), round(rng.uniform(52.50, 52.57), 6)) for _ in range(97)]
    points.insert(0, NEAR)

    def knn_sql(lon, lat):
        metric = Point(lon, lat, srid=settings.STORAGE_SRID).transform(settings.METRIC_SRID, clone=True)
        point_sql = f"ST_SetSRID(ST_MakePoint({metric.x!r}, {metric.y!r}), {settings.METRIC_SRID})"
        extra = (f", round(ST_Distance(o.location_metric, {point_sql}))::int AS distance_m, "
                 f"ceil(round(ST_Distance(o.location_metric, {point_sql})) / 80)::int AS walking_minutes")
        return COLLECTION_SQL.format(rows=ROW_SQL.format(
            extra=extra, order=f"ORDER BY o.location_metric <-> {point_sql} LIMIT 20"))

    def url(lon, lat):
        return f"/api/organisations/?near={lon},{lat}&page_size=20"

    raw_queries = [raw(knn_sql(*point)) for point in points]
    urls = [url(*point) for point in points]
    turn = {"api": 0, "raw": 0}

    def api_next():
        turn["api"] += 1
        return client.get(urls[turn["api"] % len(urls)])

    def raw_next():
        turn["raw"] += 1
        return raw_queries[turn["raw"] % len(raw_queries)]()

    print(f"\n{title}:")
    import orjson

    api_first = orjson.loads(client.get(urls[0]).content)["features"]
    raw_first = orjson.loads(raw_queries[0]())["features"]
    same = ([(f["properties"]["slug"], f["properties"]["distance_m"]) for f in api_first]
            == [(f["properties"]["slug"], f["properties"]["distance_m"]) for f in raw_first])
    print(f"  same entries, order and distances as the raw query: {same}")
    # Small and fast: ten times the runs, for a stable median.
    api_ms, raw_ms = compare_ms(api_next, raw_next, args.runs * 10)
    print(f"  API, a new point each time {api_ms:6.2f}")
    print(f"  raw KNN query              {raw_ms:6.2f}")
    print(f"  ratio                      {api_ms / raw_ms:6.2f}x   (goal <= 2x)")

    def after_a_change():
        cache.clear()  # as after an edit: count and hidden entries recomputed
        return api_next()

    def new_process():
        cache.clear()
        atlas.directory.nearest.forget_statements()  # and the statements compiled and prepared again
        return api_next()

    changed_ms = median_ms(after_a_change, args.runs)
    fresh_ms = median_ms(new_process, args.runs)
    print(f"  first request after an edit (count, hidden entries recomputed): {changed_ms:6.2f}")
    print(f"  first request of a new process (statement compiled too):        {fresh_ms:6.2f}")
    with CaptureQueriesContext(connection) as queries:
        api_next()
    print(f"  queries per request: {len(queries.captured_queries)}")
    for query in queries.captured_queries:
        print(f"    {query['sql'][:100]}")
    if not explain:
        return
    # The API runs a statement prepared on the server (atlas/directory/nearest.py); EXPLAIN works on EXECUTE.
    knn_query = next(q["sql"] for q in queries.captured_queries if q["sql"].startswith("EXECUTE atlas_nearest_"))
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + knn_query)
        print("  EXPLAIN ANALYZE of the API's nearest-first statement:")
        for (line,) in cursor.fetchall():
            print("    " + line)


def _next(response):
    import orjson

    url = orjson.loads(response.content)["next"]
    return url.replace("http://testserver", "") if url else None


if __name__ == "__main__":
    main()
