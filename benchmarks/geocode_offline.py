"""Time offline geocoding of 1,000 messy Spandau addresses (goal: under 5 s).

Run on the default SpatiaLite database after the usual set-up:

    make migrate import                        # schema + import_geodata
    .venv/bin/python manage.py import_gazetteer
    .venv/bin/python benchmarks/geocode_offline.py [--count 1000] [--seed 42]

Queries are real rows of spandau_adressen_2023-06.csv, written the way people write them: "Str.",
"Strasse", "str", lower/upper case, "ue"/plain vowels for umlauts, "30a"/"30 A", ranges, with or
without "13597 Berlin"/"Berlin-Spandau", doubled commas and spaces. Prints the time, the precision
counts and how many results carry the planning area of the list (ATLAS_GEOCODERS as configured;
only the offline gazetteer is meant here).
"""

import argparse
import csv
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def messy(row, rng):
    street = row["str_name"]
    street = rng.choice([
        street, street.replace("Straße", "Str."), street.replace("Straße", "Strasse"), street.replace("Straße", "str"),
        street.lower(), street.upper().replace("ß", "SS"),
    ])
    street = rng.choice([street, street.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae"),
                         street.replace("ü", "u").replace("ö", "o").replace("ä", "a")])
    if rng.random() < 0.2:
        street = street.replace("-", " ")
    number = row["hnr"]
    if row["hnr_zusatz"]:
        number += rng.choice([row["hnr_zusatz"], row["hnr_zusatz"].lower(), " " + row["hnr_zusatz"]])
    elif rng.random() < 0.1:
        number += f"-{int(row['hnr']) + 2}"
    place = rng.choice(["", f", {row['plz']} Berlin", f" {row['plz']}", ", Berlin-Spandau", f",, {row['plz']}  Berlin ",
                        f", {row['ort_name']}"])
    return rng.choice(["", " ", "  "]) + f"{street} {number}{place}" + rng.choice(["", " ", ","])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    from atlas.geocoding.models import GazetteerAddress
    from atlas.geocoding.service import geocode

    if not GazetteerAddress.objects.exists():
        sys.exit("The gazetteer is empty: run `manage.py import_geodata` and `manage.py import_gazetteer` first.")
    with (Path(settings.ATLAS_DATA_DIR) / "spandau_adressen_2023-06.csv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["hnr"]]
    rng = random.Random(args.seed)
    sample = rng.sample(rows, args.count)
    queries = [messy(row, rng) for row in sample]

    started = time.perf_counter()
    results = [geocode(query) for query in queries]
    elapsed = time.perf_counter() - started

    right_area = sum(1 for row, result in zip(sample, results, strict=True)
                     if result and result.planning_area_key == row["PLR_ID"])
    precisions = Counter(result.precision if result else result.status for result in results)
    print(f"Geocoded {len(queries)} messy addresses offline in {elapsed:.2f} s "
          f"({1000 * elapsed / len(queries):.2f} ms each; chain {settings.ATLAS_GEOCODERS}).")
    print(f"Planning area as in the official list: {right_area}/{len(queries)}")
    print("Precision:", ", ".join(f"{key} {value}" for key, value in precisions.most_common()))
    for row, query, result in zip(sample, queries, results, strict=True):
        if not result or result.planning_area_key != row["PLR_ID"]:
            print(f"  miss: {query!r} → {result.label or result.status}")


if __name__ == "__main__":
    main()
