"""The import as a whole: read and validate every file first, then write all layers in one transaction."""

import time
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from geodata.importers import areas as area_layers
from geodata.importers import estates, facilities, sources, statistics, transit
from geodata.importers.readers import open_source
from geodata.importers.sync import Report
from geodata.signals import geodata_imported


class Context:
    """Open source files (each read and checksummed once) and the report of the run."""

    def __init__(self, data_dir, report):
        self.data_dir = Path(data_dir)
        self.report = report
        self.files = {}

    def open(self, spec):
        if spec.file_name not in self.files:
            self.files[spec.file_name] = open_source(self.data_dir, spec.file_name)
        return self.files[spec.file_name]


def run_import(data_dir, progress=lambda message: None):
    """Import everything from data_dir; returns the Report. Raises DataError (a CommandError) on any
    problem, and then the database is exactly as before."""
    started = time.monotonic()
    report = Report()
    ctx = Context(data_dir, report)
    # Missing files are reported before anything is parsed.
    for spec in sources.FILE_SOURCES:
        ctx.open(spec)

    areas = area_layers.read_areas(ctx)
    plr_keys = list(areas.planning_areas)
    population = statistics.read_population(ctx, plr_keys)
    social_monitoring = statistics.read_social_monitoring(ctx, plr_keys)
    ownership = statistics.read_housing_ownership(ctx, plr_keys)
    facility_records = facilities.read_facilities(ctx, areas)
    transit_stops = transit.read_transit_stops(ctx, areas)
    derived_estates = estates.derive_estates(areas, population, social_monitoring, ownership)
    for source in ctx.files.values():
        report.warnings.extend(source.warnings)
    progress(_("Dateien gelesen und geprüft (%(seconds).1f s)") % {"seconds": time.monotonic() - started})

    with transaction.atomic():
        checksums = {name: source.sha256 for name, source in ctx.files.items()}
        source_objects = sources.sync_sources(checksums, report)
        printed = _progress_layers(report, progress, set())
        area_objects = area_layers.write_areas(areas, source_objects, report)
        printed = _progress_layers(report, progress, printed)
        statistics.write_statistics(population, social_monitoring, ownership, area_objects["planning_areas"],
                                    source_objects, report)
        printed = _progress_layers(report, progress, printed)
        facilities.write_facilities(facility_records, area_objects, source_objects, report)
        printed = _progress_layers(report, progress, printed)
        transit.write_transit_stops(transit_stops, source_objects, report)
        printed = _progress_layers(report, progress, printed)
        estates.write_estates(derived_estates, area_objects, source_objects, report)
        # Vanished areas go last: by now nothing points at them any more.
        report.run_deferred_deletions()
        _progress_layers(report, progress, printed)
    report.seconds = time.monotonic() - started
    if report.changed:
        transaction.on_commit(lambda: geodata_imported.send(sender=run_import, report=report))
    return report


def _progress_layers(report, progress, done):
    """One progress line per layer finished since the last call."""
    for name, layer in report.layers.items():
        if name not in done:
            progress(layer.line())
    return set(report.layers)
