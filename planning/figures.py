"""The figures of a profile: a planning area or an Ortsteil compared with the district.

Everything is summed from the planning areas' rows (an Ortsteil holds the planning areas whose
``ortsteil`` it is), so a profile, the table of planning areas and the API agree to the person.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from geodata.indicators import ORIGIN_HIERARCHY, origin_labels
from geodata.models import AGE_GROUPS, HousingOwnership, PlanningArea, Population, SocialMonitoring


def age_labels():
    return {
        "below_6": _("unter 6"), "6_15": _("6 bis unter 15"), "15_18": _("15 bis unter 18"),
        "18_27": _("18 bis unter 27"), "27_45": _("27 bis unter 45"), "45_55": _("45 bis unter 55"),
        "55_65": _("55 bis unter 65"), "above_65": _("65 und älter"),
    }


def share(part, whole):
    return 100.0 * part / whole if whole else None


@dataclass
class Totals:
    """Population sums over a set of planning areas."""

    areas: int = 0
    residents: int = 0
    with_migration_background: int = 0
    foreigners: int = 0
    female: int = 0
    age_groups: dict = field(default_factory=dict)
    origin: dict = field(default_factory=dict)
    reference_date: object = None

    def add(self, population):
        self.areas += 1
        self.residents += population.residents
        self.with_migration_background += population.with_migration_background
        self.foreigners += population.foreigners
        self.female += population.female
        for key in AGE_GROUPS:
            self.age_groups[key] = self.age_groups.get(key, 0) + (population.age_groups or {}).get(key, 0)
        for key, value in (population.origin or {}).items():
            self.origin[key] = self.origin.get(key, 0) + (value or 0)
        self.reference_date = population.reference_date

    @property
    def migration_background_share(self):
        return share(self.with_migration_background, self.residents)

    @property
    def foreigners_share(self):
        return share(self.foreigners, self.residents)


def totals(populations):
    result = Totals()
    for population in populations:
        result.add(population)
    return result


def municipal_share(ownerships):
    """Share of municipal housing companies in residential land, weighted by residential land."""
    rows = [(o.residential_area_m2, o.municipal_share) for o in ownerships if o.residential_area_m2]
    land = sum(area for area, _share in rows)
    return sum(area * value for area, value in rows) / land if land else None


def mss_distribution(monitorings, populations_by_area):
    """Planning areas (and their residents) per MSS status class; invalid or missing ones apart."""
    classes = []
    for index, label in SocialMonitoring.STATUS_CLASSES.items():
        members = [m for m in monitorings if m.valid and m.status_index == index]
        classes.append({
            "index": index, "label": str(label), "areas": len(members),
            "residents": sum(populations_by_area.get(m.planning_area_id, 0) for m in members),
        })
    invalid = [m for m in monitorings if not (m.valid and m.status_index)]
    return {"classes": classes, "invalid": len(invalid)}


def dynamics_distribution(monitorings):
    return [
        {"index": index, "label": str(label),
         "areas": sum(1 for m in monitorings if m.valid and m.dynamics_index == index)}
        for index, label in SocialMonitoring.DYNAMICS_CLASSES.items()
    ]


def weighted_mss(monitorings, populations_by_area, attribute):
    """Resident-weighted mean of an MSS percentage over the valid planning areas."""
    pairs = [(populations_by_area.get(m.planning_area_id, 0), getattr(m, attribute)) for m in monitorings
             if m.valid and getattr(m, attribute) is not None]
    weight = sum(w for w, _value in pairs)
    return sum(w * value for w, value in pairs) / weight if weight else None


def comparison_row(label, part, whole, district_part, district_whole, key=""):
    value, reference = share(part, whole), share(district_part, district_whole)
    return {
        "key": key, "label": label, "count": part, "share": value, "district_count": district_part,
        "district_share": reference,
        "difference": value - reference if value is not None and reference is not None else None,
    }


def age_rows(subject, district):
    labels = age_labels()
    return [comparison_row(labels[key], subject.age_groups.get(key, 0), subject.residents,
                           district.age_groups.get(key, 0), district.residents, key)
            for key in AGE_GROUPS]


def origin_rows(subject, district):
    """Umbrella regions (which do not overlap) as shares of the residents with migration background;
    the states inside each umbrella follow as indented sub-rows."""
    labels = origin_labels()
    rows = []
    for umbrella, members in ORIGIN_HIERARCHY:
        row = comparison_row(labels.get(umbrella, umbrella), subject.origin.get(umbrella, 0),
                             subject.with_migration_background, district.origin.get(umbrella, 0),
                             district.with_migration_background, umbrella)
        row["members"] = [
            comparison_row(labels.get(key, key), subject.origin.get(key, 0), subject.with_migration_background,
                           district.origin.get(key, 0), district.with_migration_background, key)
            for key in members
        ]
        rows.append(row)
    return rows


@dataclass
class Profile:
    """What a profile page, the report and the PDF show; ``kind`` is "planning_area" or "ortsteil"."""

    kind: str
    subject: object  # PlanningArea or Ortsteil
    areas: list  # its planning areas (one for a planning area)
    totals: Totals
    district: Totals
    key_figures: list
    age_rows: list
    origin_rows: list
    municipal_share: float | None
    district_municipal_share: float | None
    monitoring: object = None  # SocialMonitoring of a planning area
    mss: dict | None = None  # distribution over an Ortsteil's planning areas (and the district's)
    district_mss: dict | None = None
    dynamics: list | None = None
    mss_indicators: list = field(default_factory=list)
    sources: list = field(default_factory=list)


def _load():
    areas = list(PlanningArea.objects.select_related("ortsteil", "source").order_by("key"))
    populations = {p.planning_area_id: p for p in Population.objects.select_related("source")}
    monitorings = {m.planning_area_id: m for m in SocialMonitoring.objects.select_related("source")}
    ownerships = {o.planning_area_id: o for o in HousingOwnership.objects.select_related("source")}
    return areas, populations, monitorings, ownerships


def build_profile(subject, kind):
    all_areas, populations, monitorings, ownerships = _load()
    if kind == "planning_area":
        members = [area for area in all_areas if area.pk == subject.pk]
    else:
        members = [area for area in all_areas if area.ortsteil_id == subject.pk]
    ids = [area.pk for area in members]
    subject_totals = totals(populations[pk] for pk in ids if pk in populations)
    district = totals(populations.values())
    residents_by_area = {pk: p.residents for pk, p in populations.items()}
    member_monitorings = [monitorings[pk] for pk in ids if pk in monitorings]
    all_monitorings = list(monitorings.values())

    key_figures = [
        {"key": "residents", "label": _("Einwohner:innen"), "count": subject_totals.residents,
         "share": share(subject_totals.residents, district.residents), "district_count": district.residents,
         "district_share": 100.0, "difference": None, "share_of_district": True},
        comparison_row(_("mit Migrationshintergrund"), subject_totals.with_migration_background,
                       subject_totals.residents, district.with_migration_background, district.residents,
                       "migration_background"),
        comparison_row(_("Ausländer:innen (ohne deutsche Staatsangehörigkeit)"), subject_totals.foreigners,
                       subject_totals.residents, district.foreigners, district.residents, "foreigners"),
        comparison_row(_("weiblich"), subject_totals.female, subject_totals.residents, district.female,
                       district.residents, "female"),
    ]
    mss_indicators = []
    for attribute, label in (("unemployment", _("Arbeitslosigkeit (S1)")),
                             ("transfer_benefits", _("Transferbezug (S3)")),
                             ("child_poverty", _("Kinderarmut (S4)"))):
        value = (getattr(member_monitorings[0], attribute) if kind == "planning_area" and member_monitorings
                 else weighted_mss(member_monitorings, residents_by_area, attribute))
        district_value = weighted_mss(all_monitorings, residents_by_area, attribute)
        mss_indicators.append({
            "key": attribute, "label": label, "share": value, "district_share": district_value,
            "difference": value - district_value if value is not None and district_value is not None else None,
        })

    sources = {}
    for item in [subject, *members, *(populations.get(pk) for pk in ids), *member_monitorings,
                 *(ownerships.get(pk) for pk in ids)]:
        if item is not None and getattr(item, "source", None) is not None:
            sources[item.source.pk] = item.source
    return Profile(
        kind=kind, subject=subject, areas=members, totals=subject_totals, district=district,
        key_figures=key_figures,
        age_rows=age_rows(subject_totals, district),
        origin_rows=origin_rows(subject_totals, district),
        municipal_share=municipal_share([ownerships[pk] for pk in ids if pk in ownerships]),
        district_municipal_share=municipal_share(list(ownerships.values())),
        monitoring=member_monitorings[0] if kind == "planning_area" and member_monitorings else None,
        mss=mss_distribution(member_monitorings, residents_by_area) if kind == "ortsteil" else None,
        district_mss=mss_distribution(all_monitorings, residents_by_area),
        dynamics=dynamics_distribution(member_monitorings) if kind == "ortsteil" else None,
        mss_indicators=mss_indicators,
        sources=sorted(sources.values(), key=lambda source: source.title),
    )
