"""Upsert by natural key with change detection, and the per-layer counts of what happened.

Rows are compared field by field so that an unchanged source leaves the database untouched; new rows
are bulk-created, changed rows bulk-updated, vanished rows deleted in one query per layer.
"""

import math
from dataclasses import dataclass, field

from django.contrib.gis.geos import GEOSGeometry
from django.utils.translation import gettext as _

# Coordinates are published with 6 decimals; anything below this is database round-off.
GEOMETRY_TOLERANCE = 1e-9


@dataclass
class LayerCount:
    name: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    @property
    def changed(self):
        return bool(self.created or self.updated or self.deleted)

    def line(self):
        return _("%(layer)s: %(created)d neu, %(updated)d geändert, %(unchanged)d unverändert, "
                 "%(deleted)d gelöscht") % {"layer": self.name, "created": self.created, "updated": self.updated,
                                            "unchanged": self.unchanged, "deleted": self.deleted}


@dataclass
class Report:
    layers: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    # Deletions that must wait until dependent layers point elsewhere (areas are PROTECTed).
    deferred: list = field(default_factory=list)

    def layer(self, name):
        if name not in self.layers:
            self.layers[name] = LayerCount(name)
        return self.layers[name]

    def sync(self, model, key_field, desired, fields, layer_name, on_missing="delete", queryset=None):
        return sync_rows(model, key_field, desired, fields, self.layer(layer_name), on_missing, queryset, self)

    @property
    def changed(self):
        return any(layer.changed for layer in self.layers.values())

    def run_deferred_deletions(self):
        for model, pks, counter in reversed(self.deferred):
            counter.deleted += model.objects.filter(pk__in=pks).delete()[1].get(model._meta.label, 0)
        self.deferred.clear()

    def table(self):
        headers = (_("Ebene"), _("neu"), _("geändert"), _("unverändert"), _("gelöscht"))
        rows = [(layer.name, layer.created, layer.updated, layer.unchanged, layer.deleted)
                for layer in self.layers.values()]
        width = max(len(headers[0]), *(len(row[0]) for row in rows)) if rows else len(headers[0])
        numbers = [max(len(header), 6) for header in headers[1:]]
        lines = ["  ".join([headers[0].ljust(width), *(h.rjust(n) for h, n in zip(headers[1:], numbers, strict=True))])]
        lines.append("-" * len(lines[0]))
        for row in rows:
            lines.append("  ".join([row[0].ljust(width),
                                    *(str(v).rjust(n) for v, n in zip(row[1:], numbers, strict=True))]))
        return "\n".join(lines)


def same(old, new):
    if isinstance(old, GEOSGeometry) or isinstance(new, GEOSGeometry):
        return (old is not None and new is not None and old.srid == new.srid
                and old.geom_type == new.geom_type and old.equals_exact(new, GEOMETRY_TOLERANCE))
    if isinstance(old, float) and isinstance(new, float):
        return math.isclose(old, new, rel_tol=1e-12, abs_tol=1e-12)
    return old == new


def sync_rows(model, key_field, desired, fields, counter, on_missing="delete", queryset=None, report=None):
    """Make the table match `desired` ({natural key: {attname: value}}); return {natural key: instance}.

    on_missing: "delete" rows whose key is not desired, "keep" them, or "defer" their deletion to
    report.run_deferred_deletions().
    """
    queryset = model.objects.all() if queryset is None else queryset
    existing = {_key(obj, key_field): obj for obj in queryset}
    to_create, to_update, changed_fields = [], [], set()
    result = {}
    for natural_key, values in desired.items():
        obj = existing.get(natural_key)
        if obj is None:
            obj = model(**_key_kwargs(key_field, natural_key), **values)
            to_create.append(obj)
        else:
            differing = [name for name in fields if not same(getattr(obj, name), values[name])]
            if differing:
                for name in differing:
                    setattr(obj, name, values[name])
                to_update.append(obj)
                changed_fields.update(differing)
            else:
                counter.unchanged += 1
        result[natural_key] = obj
    if to_create:
        model.objects.bulk_create(to_create, batch_size=500)
        counter.created += len(to_create)
        if any(obj.pk is None for obj in to_create):  # backends that cannot return ids from bulk inserts
            fresh = {_key(obj, key_field): obj for obj in model.objects.all()}
            result = {natural_key: fresh[natural_key] for natural_key in result}
    if to_update:
        model.objects.bulk_update(to_update, sorted(changed_fields), batch_size=200)
        counter.updated += len(to_update)
    stale = [obj.pk for natural_key, obj in existing.items() if natural_key not in desired]
    if stale and on_missing == "delete":
        model.objects.filter(pk__in=stale).delete()
        counter.deleted += len(stale)
    elif stale and on_missing == "defer":
        report.deferred.append((model, stale, counter))
    return result


def _key(obj, key_field):
    if isinstance(key_field, tuple):
        return tuple(getattr(obj, name) for name in key_field)
    return getattr(obj, key_field)


def _key_kwargs(key_field, natural_key):
    if isinstance(key_field, tuple):
        return dict(zip(key_field, natural_key, strict=True))
    return {key_field: natural_key}
