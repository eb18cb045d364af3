"""Time the map page with 10,000 organisations against bare Leaflet + markercluster with the same points.

Creates a throwaway PostGIS database (default ``atlas_bench_map`` on 127.0.0.1, dropped at the end),
migrates it, imports the real geodata, seeds the meeting places and adds 10,000 synthetic
organisations (``is_sample=True``, as benchmarks/directory_api.py makes them). Then serves the atlas
(``manage.py runserver --insecure`` with DEBUG off: one process, static files included) and, beside
it, a minimal static page: Leaflet and markercluster with the same options as the atlas
(``chunkedLoading``, ``maxClusterRadius: 40``), loading the very points the atlas's map layers
answered (saved as one static GeoJSON file) as the same circles and diamonds. Both are driven by
Playwright with /usr/bin/chromium, alternately, each run in a fresh browser context (nothing cached);
non-local requests are refused (no tiles on either page).

Measured, median of ``--runs`` runs:

* time to interactive: from the start of navigation until every marker is on the map (the chunked
  loading finished) and, on the map page, the count is shown; the map page's first list page and
  count are reported too ("count shown");
* pan frame time: ``requestAnimationFrame`` intervals while the mouse drags the map 400 px and back
  (2 × 40 steps, one step a frame), at the first view and two zoom levels closer.

Usage:

    .venv/bin/python benchmarks/map_10k.py [--count 10000] [--runs 5] \
        [--server postgis://postgres@127.0.0.1:5432] [--database atlas_bench_map] [--keep] [--reuse]
"""

import argparse
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from directory_api import create_database, drop_database, populate  # noqa: E402

ATLAS_PORT = 8791
BARE_PORT = 8792
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1366, "height": 800}

BARE_HTML = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Bare Leaflet + markercluster</title>
<link rel="stylesheet" href="leaflet.css"><link rel="stylesheet" href="MarkerCluster.css">
<style>html, body, #map { height: 100%; margin: 0; }</style>
<script src="leaflet.js"></script><script src="leaflet.markercluster.js"></script>
<script type="module" src="bare.js"></script></head>
<body><div id="map"></div></body></html>
"""

# The atlas's marker options (static/atlas/js/directory/marker-layers.js), nothing else.
BARE_JS = """/* global L */
const view = %(view)s;
const map = L.map("map", { center: view.center, zoom: view.zoom, minZoom: view.minZoom, maxZoom: view.maxZoom });
const options = { showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true };
const clusters = {};
let pending = 0;
const done = () => { if (--pending === 0) document.body.dataset.ready = "true"; };
for (const kind of ["organisation", "meeting_place"]) {
  pending += 1;
  const chunkProgress = (processed, total) => processed >= total && done();
  clusters[kind] = L.markerClusterGroup({ ...options, chunkProgress });
  map.addLayer(clusters[kind]);
}
const collection = await (await fetch("points.geojson")).json();
const byKind = { organisation: [], meeting_place: [] };
for (const feature of collection.features) {
  const [lon, lat] = feature.geometry.coordinates;
  const kind = feature.properties.kind;
  byKind[kind].push(kind === "organisation"
    ? L.circleMarker([lat, lon], { radius: 8, weight: 2, color: "#fff", fillColor: "#00587a", fillOpacity: 0.95 })
    : L.marker([lat, lon], { icon: L.divIcon({ className: "place-marker", iconSize: [14, 14] }) }));
}
for (const [kind, markers] of Object.entries(byKind)) {
  if (markers.length) clusters[kind].addLayers(markers);
  else done();
}
"""

# Resolves with performance.now() once `ready` holds, polled every frame alike on both pages.
WAIT_READY = {
    "atlas": """() => document.querySelector('#directory-list')?.dataset.state === 'ready'
                 && document.querySelector('#dir-count')?.textContent && performance.now()""",
    "bare": "() => document.body?.dataset.ready === 'true' && performance.now()",
}
WAIT_COUNT = "() => document.querySelector('#dir-count')?.textContent && performance.now()"

RECORD_FRAMES = """() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
STOP_FRAMES = "() => { window.__recording = false; return window.__frames.slice(1); }"
# Where the map page's time goes: each API request's start and end (ms from navigation), by path.
API_REQUESTS = """() => Object.fromEntries(performance.getEntriesByType('resource')
  .filter((entry) => entry.name.includes('/api/'))
  .map((entry) => [new URL(entry.name).pathname, [entry.startTime, entry.responseEnd, entry.encodedBodySize]]))"""
NEXT_FRAME = "() => new Promise((resolve) => requestAnimationFrame(() => resolve()))"


def serve_bare(directory):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", BARE_PORT), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def start_atlas(database_url):
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "0", "ATLAS_ENV": "development"}
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{ATLAS_PORT}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{ATLAS_PORT}/api/categories/", timeout=2)
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("the atlas did not start")


def get_json(path):
    with urllib.request.urlopen(f"http://127.0.0.1:{ATLAS_PORT}{path}", timeout=60) as response:
        return json.load(response)


def prepare_bare_page(directory):
    """The static page, the libraries the atlas uses, and the atlas's own map layers as one file."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    for name in ("leaflet/leaflet.js", "leaflet/leaflet.css", "vendor/leaflet.markercluster/leaflet.markercluster.js",
                 "vendor/leaflet.markercluster/MarkerCluster.css"):
        shutil.copy(finders.find(name), directory / Path(name).name)
    leaflet = settings.LEAFLET_CONFIG
    view = {"center": list(leaflet["DEFAULT_CENTER"]), "zoom": leaflet["DEFAULT_ZOOM"],
            "minZoom": leaflet["MIN_ZOOM"], "maxZoom": leaflet["MAX_ZOOM"]}
    (directory / "index.html").write_text(BARE_HTML)
    (directory / "bare.js").write_text(BARE_JS % {"view": json.dumps(view)})
    features = get_json("/api/map/organisations/")["features"] + get_json("/api/map/meeting-places/")["features"]
    (directory / "points.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return len(features)


def refuse_outside(route):
    if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
        return route.continue_()
    return route.abort()


def one_run(browser, name, url):
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    page = context.new_page()
    page.route("**/*", refuse_outside)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    result = {}
    page.goto(url, wait_until="commit")
    if name == "atlas":
        result["count_ms"] = page.wait_for_function(WAIT_COUNT, polling="raf", timeout=120_000).json_value()
        result["count_text"] = page.inner_text("#dir-count")
    result["ready_ms"] = page.wait_for_function(WAIT_READY[name], polling="raf", timeout=120_000).json_value()
    if name == "atlas":
        result["markers"] = int(page.get_attribute("#map", "data-markers"))
        result["requests"] = page.evaluate(API_REQUESTS)
    page.wait_for_timeout(500)  # let the last cluster icons settle
    result["pan"] = pan_frames(page)
    for _ in range(2):
        page.locator(".leaflet-control-zoom-in").click()
        page.wait_for_timeout(600)
    result["pan_zoomed"] = pan_frames(page)
    result["errors"] = errors
    context.close()
    return result


def pan_frames(page):
    """rAF intervals (ms) while the mouse drags the map 400 px to the right and back, a step a frame."""
    box = page.locator("#map").bounding_box()
    x, y = box["x"] + box["width"] * 0.55, box["y"] + box["height"] * 0.5
    page.mouse.move(x, y)
    page.evaluate(RECORD_FRAMES)
    page.mouse.down()
    for step in list(range(1, 41)) + list(range(39, -1, -1)):
        page.mouse.move(x + step * 10, y)
        page.evaluate(NEXT_FRAME)
    page.mouse.up()
    page.wait_for_timeout(300)
    return page.evaluate(STOP_FRAMES)


def frame_figures(runs, key):
    frames = [frame for run in runs for frame in run[key]]
    frames.sort()
    return {"median": statistics.median(frames), "p95": frames[int(len(frames) * 0.95)], "max": frames[-1],
            "over_50ms": sum(frame > 50 for frame in frames) / len(frames)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--server", default="postgis://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="atlas_bench_map")
    parser.add_argument("--keep", action="store_true", help="do not drop the database at the end")
    parser.add_argument("--reuse", action="store_true",
                        help="use the database a run with --keep left (filling it takes minutes on a busy machine)")
    args = parser.parse_args()

    if not args.reuse:
        create_database(args.server, args.database)
    database_url = f"{args.server.rstrip('/')}/{args.database}"
    os.environ["DATABASE_URL"] = database_url
    try:
        run(args, database_url)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(args.server, args.database)
            print(f"\nDropped database {args.database}.")


def run(args, database_url):
    import django

    django.setup()
    from django.core.management import call_command
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    if args.reuse:
        from atlas.directory.models import Organisation

        print(f"Database {args.database} reused: {Organisation.objects.published().count()} organisations.")
    else:
        call_command("migrate", verbosity=0)
        call_command("import_geodata", verbosity=0)
        call_command("seed_meeting_places", verbosity=0)
        populate(args.count, args.seed)
        print(f"Database {args.database}: migrated, geodata imported, meeting places seeded, {args.count} "
              f"synthetic organisations in {time.perf_counter() - start:.1f} s.")
    from django.db import connections

    connections.close_all()

    atlas = start_atlas(database_url)
    bare_directory = Path(tempfile.mkdtemp(prefix="atlas-bare-map-"))
    bare_server = None
    try:
        points = prepare_bare_page(bare_directory)
        bare_server = serve_bare(bare_directory)
        urls = {"atlas": f"http://127.0.0.1:{ATLAS_PORT}/?tab=verzeichnis",
                "bare": f"http://127.0.0.1:{BARE_PORT}/index.html"}
        print(f"Same {points} points on both pages; {args.runs} runs each after a warm-up, alternately; "
              f"milliseconds, median.\n")
        results = {"atlas": [], "bare": []}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            # Warm-up: the server's caches (the map layer and the count, per set of filters, for a minute).
            warm_up = {name: one_run(browser, name, url) for name, url in urls.items()}
            for _ in range(args.runs):
                for name, url in urls.items():
                    results[name].append(one_run(browser, name, url))
            browser.close()
        report(results, points, warm_up)
    finally:
        if bare_server is not None:
            bare_server.shutdown()
        atlas.terminate()
        atlas.wait(timeout=30)
        shutil.rmtree(bare_directory, ignore_errors=True)


def _runs(runs):
    return ", ".join(f"{run['ready_ms']:.0f}" for run in runs)


def report(results, points, warm_up):
    atlas, bare = results["atlas"], results["bare"]
    for run in atlas:
        assert run["markers"] == points, (run["markers"], points)
        assert not run["errors"], run["errors"]
    assert not any(run["errors"] for run in bare)
    print(f"map page: count shown '{atlas[0]['count_text']}', {atlas[0]['markers']} markers")
    count_ms = statistics.median(run["count_ms"] for run in atlas)
    atlas_ms = statistics.median(run["ready_ms"] for run in atlas)
    bare_ms = statistics.median(run["ready_ms"] for run in bare)
    print(f"  time to count shown (map page)           {count_ms:8.0f}")
    print(f"  time to interactive, map page            {atlas_ms:8.0f}   (runs: {_runs(atlas)})")
    print(f"  time to interactive, bare Leaflet        {bare_ms:8.0f}   (runs: {_runs(bare)})")
    print(f"  ratio                                    {atlas_ms / bare_ms:8.2f}x")
    print(f"  first load after the server started (nothing cached): map page {warm_up['atlas']['ready_ms']:.0f}, "
          f"bare {warm_up['bare']['ready_ms']:.0f}")
    print("  the map page's API requests (median start → end, ms from navigation; bytes as sent):")
    for path in sorted(atlas[0]["requests"], key=lambda path: atlas[0]["requests"][path][1]):
        timings = [run["requests"][path] for run in atlas if path in run["requests"]]
        print(f"    {path:38} {statistics.median(t[0] for t in timings):6.0f} → "
              f"{statistics.median(t[1] for t in timings):6.0f}  {timings[0][2]:>9,} B")
    for key, title in (("pan", "first view"), ("pan_zoomed", "two levels closer")):
        a, b = frame_figures(atlas, key), frame_figures(bare, key)
        print(f"  pan frame time, {title}: map page median {a['median']:.1f} / p95 {a['p95']:.1f} / max "
              f"{a['max']:.0f} ({a['over_50ms']:.0%} > 50 ms); bare median {b['median']:.1f} / p95 {b['p95']:.1f} / "
              f"max {b['max']:.0f} ({b['over_50ms']:.0%} > 50 ms); ratio of medians {a['median'] / b['median']:.2f}x, "
              f"of p95 {a['p95'] / b['p95']:.2f}x")


if __name__ == "__main__":
    main()
