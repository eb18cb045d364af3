"""Time the directory search (q=) at 10,000 organisations on PostGIS and SpatiaLite against the raw
database doing the same work.

For each backend a throwaway database (PostGIS ``atlas_bench_search`` on 127.0.0.1, dropped at the
end; SpatiaLite ``var/bench-search.sqlite3``) is migrated, the real geodata imported, the meeting places
seeded and 10,000 synthetic organisations added (``is_sample=True``; a made-up namesake per name, so the
directory has thousands of distinct words as a real one would; descriptions from a pool of sentences,
a fifth translated; 1 % mosques by name; 1–3 fields of activity, 1–2 languages). Their search texts are
built in bulk the way atlas/directory/models/search_text.py builds them.

Four searches, as the map's directory panel asks them (``/api/organisations/?q=…&page_size=5000``):

1. an exact word of the descriptions ("Frühstück");
2. the same word with a typo ("Frühstükc", corrected to the same hits);
3. a word in another language that is a synonym of a field of activity ("консультація" = Beratung:
   linked entries and every word of the concept in the texts);
4. a word that matches nothing ("Moschxyz"): no hit, and a suggestion ("Moschee") checked to find something.

"Raw" is one hand-written statement per search building the same FeatureCollection in the database
(PostGIS: ``json_agg``; SpatiaLite: JSON1 ``json_group_array``) with the conditions the search arrives
at written out — so the ratio is what understanding the query, Django and the API add. For 4 the raw
side is the empty query plus one EXISTS for the suggestion. The hits of API and raw are compared.
Also printed: the first search after an edit (terms and words of the directory rebuilt), and on PostGIS
the same searches without the GIN trigram index on search_text (migration 0012) and pg_trgm's own
``word_similarity`` as an alternative for the typo. API and raw are timed alternately; medians of
``--runs`` runs after one warm-up. Usage:

    .venv/bin/python benchmarks/search.py [--backend both|postgis|spatialite] [--count 10000] [--runs 9]
        [--server postgis://postgres@127.0.0.1:5432] [--keep]
"""

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from benchmarks.directory_api import (  # noqa: E402
    COLLECTION_SQL,
    ROW_SQL,
    SPANDAU_BOX,
    compare_ms,
    create_database,
    drop_database,
    median_ms,
)

PG_DATABASE = "atlas_bench_search"
SQLITE_PATH = ROOT / "var" / "bench-search.sqlite3"
SEARCHES = [
    ("exact word", "Frühstück"),
    ("typo", "Frühstükc"),
    ("foreign-language synonym", "консультація"),
    ("no match, with suggestion", "Moschxyz"),
]

SQLITE_ROWS = """
    SELECT json_object('type', 'FeatureCollection', 'features', json_group_array(json(f))) FROM (
      SELECT json_object('type', 'Feature', 'id', o.id, 'geometry', json(AsGeoJSON(o.location, 6)),
        'properties', json_object(
          'id', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind, 'short_description', o.short_description,
          'categories', (SELECT json_group_array(key) FROM (SELECT k.key FROM atlas_organisation_categories oc
                         JOIN atlas_category k ON k.id = oc.category_id WHERE oc.organisation_id = o.id
                         ORDER BY k.position, k.name)),
          'primary_category', (SELECT k.key FROM atlas_organisation_categories oc JOIN atlas_category k
                               ON k.id = oc.category_id WHERE oc.organisation_id = o.id
                               ORDER BY k.position, k.name LIMIT 1),
          'languages', (SELECT json_group_array(code) FROM (SELECT g.code FROM atlas_organisation_languages ol
                        JOIN atlas_language g ON g.id = ol.language_id WHERE ol.organisation_id = o.id
                        ORDER BY g.german_name)),
          'ortsteil', ot.name, 'ortsteil_key', ot.key, 'planning_area', pa.key,
          'location_precision', NULLIF(o.location_precision, ''),
          'is_sample', json(CASE WHEN o.is_sample THEN 'true' ELSE 'false' END),
          'url', '/organisationen/' || o.slug || '/')) AS f
      FROM atlas_organisation o
      LEFT JOIN geodata_ortsteil ot ON ot.id = o.ortsteil_id
      LEFT JOIN geodata_planningarea pa ON pa.id = o.planning_area_id
      WHERE o.status = 'published' AND ({where})
      ORDER BY o.name, o.id)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("both", "postgis", "spatialite"), default="both")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--server", default="postgis://postgres@127.0.0.1:5432")
    parser.add_argument("--keep", action="store_true", help="do not drop the databases at the end")
    args = parser.parse_args()
    if args.backend == "both":
        # One process per backend: Django's database is chosen once per process.
        for backend in ("postgis", "spatialite"):
            command = [sys.executable, __file__, "--backend", backend, "--count", str(args.count),
                       "--runs", str(args.runs), "--seed", str(args.seed), "--server", args.server]
            subprocess.run([*command, *(["--keep"] if args.keep else [])], check=True)
        return
    if args.backend == "postgis":
        create_database(args.server, PG_DATABASE)
        os.environ["DATABASE_URL"] = f"{args.server.rstrip('/')}/{PG_DATABASE}"
    else:
        SQLITE_PATH.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"spatialite:///{SQLITE_PATH}"
    try:
        run(args)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            if args.backend == "postgis":
                drop_database(args.server, PG_DATABASE)
            else:
                SQLITE_PATH.unlink(missing_ok=True)


def populate(count, seed):
    """Bulk-creates the organisations with their links, areas and search texts."""
    from django.db import connection

    from atlas.directory.models import Category, Language, Organisation
    from benchmarks.search_data import synthetic_organisations  # imports GEOS, which reads the settings

    rng = random.Random(seed)
    categories = dict(Category.objects.values_list("pk", "name"))
    languages = {pk: (str_, german) for pk, str_, german in
                 ((language.pk, str(language), language.german_name) for language in Language.objects.all())}
    rows = synthetic_organisations(count, rng, SPANDAU_BOX, list(categories), list(languages))
    created = Organisation.objects.bulk_create([organisation for organisation, _c, _l in rows], batch_size=2000)
    through_c, through_l = Organisation.categories.through, Organisation.languages.through
    through_c.objects.bulk_create([through_c(organisation_id=o.pk, category_id=c)
                                   for o, (_o, cs, _l) in zip(created, rows, strict=True) for c in cs],
                                  batch_size=5000)
    through_l.objects.bulk_create([through_l(organisation_id=o.pk, language_id=lang)
                                   for o, (_o, _c, ls) in zip(created, rows, strict=True) for lang in ls],
                                  batch_size=5000)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("UPDATE atlas_organisation o SET planning_area_id = p.id FROM geodata_planningarea p "
                           "WHERE ST_Contains(p.geom, o.location)")
            cursor.execute("UPDATE atlas_organisation o SET ortsteil_id = t.id FROM geodata_ortsteil t "
                           "WHERE ST_Contains(t.geom, o.location)")
        else:
            cursor.execute("UPDATE atlas_organisation SET planning_area_id = (SELECT p.id FROM geodata_planningarea p"
                           " WHERE ST_Contains(p.geom, atlas_organisation.location))")
            cursor.execute("UPDATE atlas_organisation SET ortsteil_id = (SELECT t.id FROM geodata_ortsteil t"
                           " WHERE ST_Contains(t.geom, atlas_organisation.location))")
    # The search texts as atlas/directory/models/search_text.py builds them, in bulk.
    from common.text import fold_words

    ortsteile = dict(Organisation.objects.values_list("pk", "ortsteil__name"))
    for organisation, (_o, category_ids, language_ids) in zip(created, rows, strict=True):
        parts = [organisation.name, organisation.short_description, organisation.description,
                 organisation.street, organisation.postcode,
                 *(text for texts in organisation.translations.values() for text in texts.values()),
                 ortsteile.get(organisation.pk) or "",
                 *(categories[c] for c in category_ids), *(languages[lang][0] for lang in language_ids),
                 *(languages[lang][1] for lang in language_ids)]
        organisation.search_text = fold_words(" ".join(part for part in parts if part))
    Organisation.objects.bulk_update(created, ["search_text"], batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def where_clause(understood):
    """The condition of an understood query as hand-written SQL (the words are folded letters only)."""
    from atlas.directory.search.query import LINKS
    from atlas.directory.search.vocabulary import shortest_covering

    tokens = []
    for token in understood.tokens:
        alternatives = [f"o.search_text LIKE '%{word}%'" for word in shortest_covering(
            [*token.words, *(word for concept in token.concepts for word in concept.text_words)])]
        for concept in token.concepts:
            field, key_field = LINKS.get(concept.vocabulary, (None, None))
            if field in ("categories", "target_groups", "communities", "languages"):
                table = {"categories": "category", "target_groups": "targetgroup", "communities": "community",
                         "languages": "language"}[field]
                alternatives.append(
                    f"o.id IN (SELECT l.organisation_id FROM atlas_organisation_{field} l JOIN atlas_{table} v "
                    f"ON v.id = l.{table}_id WHERE v.{key_field} = '{concept.key}')")
        tokens.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(tokens)


def run(args):
    import django

    django.setup()
    import orjson
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from atlas.directory.search.index import lexicon
    from atlas.directory.search.lexicon import build_lexicon
    from atlas.directory.search.query import understand
    from atlas.directory.search.vocabulary import VocabularyTerms, load_concepts

    setup_test_environment()
    backend = "PostGIS" if connection.vendor == "postgresql" else "SpatiaLite"
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("import_geodata", verbosity=0)
    call_command("seed_meeting_places", verbosity=0)
    populate(args.count, args.seed)
    client = Client()
    client.get("/api/organisations/?q=warm")
    index_words = sum(len(words) for words in lexicon().words_by_length.values())
    print(f"\n=== {backend}: {args.count} synthetic organisations ({index_words} distinct words of four letters "
          f"or more) in {time.perf_counter() - start:.0f} s. Median of {args.runs} runs, milliseconds.\n")

    def raw(sql):
        def execute():
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchone()[0]
        return execute

    def collection_sql(where):
        if connection.vendor == "postgresql":
            return COLLECTION_SQL.format(rows=ROW_SQL.format(extra="", order=f"AND ({where}) ORDER BY o.name, o.id"))
        return SQLITE_ROWS.format(where=where)

    def api(query):
        return lambda: client.get("/api/organisations/", {"q": query, "page_size": 5000})

    def measure(label, query):
        understood = understand(query)
        body = orjson.loads(api(query)().content)
        sql = collection_sql(where_clause(understood))
        raw_side = raw(sql)
        if not body["features"] and body["suggestions"]:
            exists = ("SELECT EXISTS (SELECT 1 FROM atlas_organisation o WHERE o.status = 'published' AND "
                      f"({where_clause(understand(body['suggestions'][0]['q']))}))")

            def raw_side():
                raw(sql)()
                return raw(exists)()
        raw_features = orjson.loads(raw(sql)() or '{"features": []}')["features"] or []
        same = [f["properties"]["slug"] for f in body["features"]] == [f["properties"]["slug"] for f in raw_features]
        api_ms, raw_ms = compare_ms(api(query), raw_side, args.runs)
        suggestion = f", suggests {[s['q'] for s in body['suggestions']]}" if body["suggestions"] else ""
        print(f"  {label:28} {query!r:16} {body['count']:5} hits{suggestion}, same as raw: {same}")
        print(f"  {'':28} API {api_ms:8.1f}   raw {raw_ms:8.1f}   ratio {api_ms / raw_ms:5.2f}x")
        return api_ms, raw_ms

    figures = {label: measure(label, query) for label, query in SEARCHES}

    def after_an_edit():
        cache.clear()  # a new data version: the search's terms and words are rebuilt
        return api("Frühstükc")()

    print(f"\n  first typo search after an edit (terms and words rebuilt): {median_ms(after_an_edit, args.runs):.1f}")
    warm = median_ms(lambda: understand("Frühstükc"), args.runs * 10)
    print(f"  understanding 'Frühstükc' alone (warm): {warm:.2f}")
    terms_ms = median_ms(lambda: VocabularyTerms(load_concepts()), args.runs)
    print(f"  rebuilding the vocabulary terms: {terms_ms:.1f}, the words of the directory: "
          f"{median_ms(build_lexicon, args.runs):.1f}")

    if connection.vendor == "postgresql":
        trigram(args, measure, raw, collection_sql, figures)


def trigram(args, measure, raw, collection_sql, figures):
    """The same without the trigram index of migration 0012, and pg_trgm's word_similarity for the typo."""
    import orjson
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX organisation_search_trgm")
        cursor.execute("ANALYZE atlas_organisation")
    print("\n  without the GIN trigram index on search_text (migration 0012):")
    for label, query in SEARCHES:
        measure(label, query)
    with connection.cursor() as cursor:
        cursor.execute("CREATE INDEX organisation_search_trgm ON atlas_organisation "
                       "USING gin (search_text gin_trgm_ops)")
        cursor.execute("ANALYZE atlas_organisation")
    print("\n  pg_trgm's own typo tolerance instead (with the index):")
    for threshold in (0.5, 0.3):
        sql = collection_sql(f"word_similarity('fruhstukc', o.search_text) >= {threshold}")
        found = raw(sql)()
        hits = len(orjson.loads(found)["features"] or []) if found else 0
        print(f"  word_similarity('fruhstukc', search_text) >= {threshold}: {hits} hits, "
              f"{median_ms(raw(sql), args.runs):.1f} (the API's typo search: {figures['typo'][0]:.1f})")
    with connection.cursor() as cursor:
        cursor.execute("SET pg_trgm.word_similarity_threshold = 0.5")
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) SELECT id FROM atlas_organisation o "
                       "WHERE 'fruhstukc' <% o.search_text")
        print("  EXPLAIN ANALYZE of 'fruhstukc' <% search_text (word_similarity with the index):")
        for (line,) in cursor.fetchall():
            print("    " + line)


if __name__ == "__main__":
    main()
