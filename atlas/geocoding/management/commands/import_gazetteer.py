"""Import the official address list of Spandau (spandau_adressen_2023-06.csv) as the offline gazetteer.

Runs after `import_geodata` (it checks every address's planning area and Ortsteil against the
imported areas). Idempotent: replaces all rows in one transaction and empties the geocoding cache.
"""

import csv
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from atlas.geocoding import snapshot
from atlas.geocoding.cache import clear as clear_cache
from atlas.geocoding.models import GazetteerAddress
from atlas.geocoding.normalize import fold
from geodata.models import Ortsteil, PlanningArea

FILE_NAME = "spandau_adressen_2023-06.csv"
COLUMNS = {"hnr", "hnr_zusatz", "str_name", "plz", "ort_name", "PLR_ID"}


class Command(BaseCommand):
    help = "Import the Spandau address list (Geoportal Berlin / Adressen Berlin) as offline gazetteer."

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", type=Path, help="default: settings.ATLAS_DATA_DIR")

    def handle(self, *args, data_dir=None, **options):
        started = time.monotonic()
        path = Path(data_dir or settings.ATLAS_DATA_DIR) / FILE_NAME
        if not path.is_file():
            raise CommandError(f"Address list not found: {path}")
        planning_areas = set(PlanningArea.objects.values_list("key", flat=True))
        ortsteile = {fold(name): key for key, name in Ortsteil.objects.values_list("key", "name")}
        if not planning_areas or not ortsteile:
            raise CommandError("No planning areas or Ortsteile in the database: run import_geodata first.")

        rows = self._read(path, planning_areas, ortsteile)
        with transaction.atomic():
            GazetteerAddress.objects.all().delete()
            GazetteerAddress.objects.bulk_create(rows, batch_size=2000)
            clear_cache()
        snapshot.clear()
        if options["verbosity"]:
            self.stdout.write(f"Imported {len(rows)} addresses from {path.name} "
                              f"in {time.monotonic() - started:.1f} s.")

    def _read(self, path, planning_areas, ortsteile):
        rows, seen = [], set()
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = COLUMNS - set(reader.fieldnames or ())
            if missing:
                raise CommandError(f"{path.name}: missing columns {sorted(missing)}")
            for line, record in enumerate(reader, start=2):
                street = record["str_name"].strip()
                number = record["hnr"].strip()
                suffix = record["hnr_zusatz"].strip().upper()
                planning_area = record["PLR_ID"].strip()
                ortsteil = ortsteile.get(fold(record["ort_name"]))
                if planning_area not in planning_areas or ortsteil is None:
                    raise CommandError(f"{path.name}:{line}: unknown planning area {planning_area!r} "
                                       f"or Ortsteil {record['ort_name']!r}")
                if not street or (number and not number.isdigit()):
                    raise CommandError(f"{path.name}:{line}: unreadable address {record!r}")
                key = (street, number, suffix, record["plz"].strip())
                if key in seen:
                    continue
                seen.add(key)
                rows.append(GazetteerAddress(
                    street=street, street_key=fold(street), number=int(number) if number else None,
                    suffix=suffix, postcode=key[3], ortsteil_key=ortsteil, planning_area_key=planning_area,
                ))
        return rows
