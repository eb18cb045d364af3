"""Large housing estates (Großwohnsiedlungen), first version derived from planning areas.

No official estate polygons exist for Spandau. The rule (see docs/data.md): a planning area is a
candidate when its MSS 2021 status index is 3 or 4 (niedrig / sehr niedrig), municipal housing
companies own at least 10 % of its residential land, and at least 2,000 people live there. Touching
candidates are dissolved into one estate. Estates a coordinator edited are never touched.
"""

from dataclasses import dataclass
from functools import reduce

from django.utils.translation import gettext as _

from geodata.importers import sources
from geodata.importers.areas import TO_METRIC
from geodata.importers.readers import polygonal
from geodata.importers.sync import same
from geodata.models import HousingEstate

STATUS_CLASSES = {3, 4}
MIN_MUNICIPAL_SHARE = 10.0  # % of residential land owned by municipal housing companies
MIN_RESIDENTS = 2000
# Neighbouring planning areas share their borders; a metre absorbs rounding of the coordinates.
TOUCH_DISTANCE_M = 1.0
# An edited estate covering more than this share of a derived one replaces it.
EDITED_OVERLAP = 0.01
STATUS_LABELS = {3: "niedrig", 4: "sehr niedrig"}


@dataclass
class DerivedEstate:
    plr_keys: tuple
    name: str
    geom: object
    derivation: str
    metric: object


def derive_estates(areas, population, social_monitoring, ownership):
    candidates = [
        key for key in sorted(areas.planning_areas)
        if social_monitoring[key]["status_index"] in STATUS_CLASSES
        and key in ownership and ownership[key]["municipal_share"] >= MIN_MUNICIPAL_SHARE
        and population[key]["residents"] >= MIN_RESIDENTS
    ]
    estates = []
    for group in _touching_groups(candidates, areas.planning_areas):
        records = [areas.planning_areas[key] for key in group]
        geom = polygonal(reduce(lambda a, b: a.union(b), (record.geom for record in records)))
        metric = reduce(lambda a, b: a.union(b), (record.metric for record in records))
        estates.append(DerivedEstate(tuple(group), _name(records, areas, population), geom,
                                     _derivation(records, population, social_monitoring, ownership), metric))
    return estates


def _touching_groups(keys, planning_areas):
    """Connected components of the 'touches' relation, each sorted by key."""
    groups, seen = [], set()
    for start in keys:
        if start in seen:
            continue
        group, stack = [], [start]
        seen.add(start)
        while stack:
            key = stack.pop()
            group.append(key)
            for other in keys:
                if other not in seen and planning_areas[key].metric.distance(
                        planning_areas[other].metric) <= TOUCH_DISTANCE_M:
                    seen.add(other)
                    stack.append(other)
        groups.append(sorted(group))
    return groups


def _name(records, areas, population):
    """'Falkenhagener Feld: Im Spektefeld / Westerwaldstraße'; a planning area named after an estate
    (e.g. 'Rudolf-Wissell-Großsiedlung') gives the name."""
    residents_by_ortsteil = {}
    for record in records:
        residents_by_ortsteil[record.ortsteil] = (residents_by_ortsteil.get(record.ortsteil, 0)
                                                  + population[record.key]["residents"])
    ortsteile = " / ".join(areas.ortsteile[key].name for key in
                           sorted(residents_by_ortsteil, key=lambda key: -residents_by_ortsteil[key]))
    known = [record.name for record in records if "siedlung" in record.name.lower()]
    others = " / ".join(record.name for record in records if record.name not in known)
    if known:
        name = f"{' / '.join(known)} ({ortsteile}" + (f": {others})" if others else ")")
    else:
        name = f"{ortsteile}: {others}"
    return name if len(name) <= 200 else name[:199] + "…"


def _derivation(records, population, social_monitoring, ownership):
    lines = [_("Abgeleitet aus Planungsräumen (LOR 2021): Statusindex MSS 2021 „niedrig“ oder „sehr niedrig“, "
               "mindestens %(share)d %% der Wohnfläche bei städtischen Wohnungsbaugesellschaften "
               "(Eigentumskonzentration 2022) und mindestens %(residents)s Einwohner:innen (31.12.2024); "
               "aneinandergrenzende Planungsräume sind zusammengefasst. Der Umriss ist der des Planungsraums, "
               "nicht der Siedlung.") % {"share": MIN_MUNICIPAL_SHARE, "residents": f"{MIN_RESIDENTS:,}".replace(
                   ",", ".")}]
    for record in records:
        status = social_monitoring[record.key]["status_index"]
        lines.append(_("%(key)s %(name)s: Status %(status)d (%(label)s), %(share)s %% städtisch, "
                       "%(residents)s Einwohner:innen") % {
            "key": record.key, "name": record.name, "status": status, "label": STATUS_LABELS[status],
            "share": f"{ownership[record.key]['municipal_share']:.1f}".replace(".", ","),
            "residents": f"{population[record.key]['residents']:,}".replace(",", ".")})
    return "\n".join(lines)


def write_estates(derived, area_objects, source_objects, report):
    counter = report.layer(_("Großwohnsiedlungen"))
    source = source_objects[sources.HOUSING_ESTATES.key]
    planning_areas = area_objects["planning_areas"]
    existing = list(HousingEstate.objects.prefetch_related("planning_areas"))
    edited = [estate for estate in existing if estate.edited]
    counter.unchanged += len(edited)
    edited_keys = {area.key for estate in edited for area in estate.planning_areas.all()}
    derived_by_keys = {}
    for estate in derived:
        if edited_keys.intersection(estate.plr_keys) or any(_overlaps(e, estate) for e in edited):
            continue  # a coordinator's version replaces this one
        derived_by_keys[frozenset(estate.plr_keys)] = estate

    matched = set()
    for estate in existing:
        if estate.edited:
            continue
        keys = frozenset(area.key for area in estate.planning_areas.all())
        new = derived_by_keys.get(keys)
        if new is None or keys in matched:
            estate.delete()
            counter.deleted += 1
            continue
        matched.add(keys)
        values = {"name": new.name, "geom": new.geom, "derivation": new.derivation, "source_id": source.pk}
        differing = [name for name, value in values.items() if not same(getattr(estate, name), value)]
        if differing:
            for name in differing:
                setattr(estate, name, values[name])
            estate.save(update_fields=differing)
            counter.updated += 1
        else:
            counter.unchanged += 1
    for keys, new in derived_by_keys.items():
        if keys in matched:
            continue
        estate = HousingEstate.objects.create(name=new.name, geom=new.geom, derivation=new.derivation,
                                              source=source)
        estate.planning_areas.set([planning_areas[key] for key in new.plr_keys])
        counter.created += 1


def _overlaps(edited, derived):
    outline = edited.geom.transform(TO_METRIC, clone=True)
    if not outline.intersects(derived.metric):
        return False
    return outline.intersection(derived.metric).area > EDITED_OVERLAP * derived.metric.area
