"""Indicators a planner can map per planning area: label, unit, classes and colours.

Defined once here so that the map legend, the table and the API speak of the same classes.
Class breaks are fixed, not quantiles, so that a colour means the same figure in every view.
"""

from django.utils.translation import gettext_lazy as _

# Sequential palette (ColorBrewer YlGnBu 5, colour-blind safe) and the MSS palette from light to dark.
SEQUENTIAL_5 = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
MSS_STATUS = ["#1a9850", "#fee08b", "#fc8d59", "#d73027"]
NO_DATA_COLOUR = "#bdbdbd"


def classes(breaks, unit, palette=SEQUENTIAL_5):
    """Turns upper bounds into classes [{min, max, colour, label}]; the last class is open."""
    classes, lower = [], None
    for index, colour in enumerate(palette):
        upper = breaks[index] if index < len(breaks) else None
        if lower is None:
            label = f"< {upper:g} {unit}"
        elif upper is None:
            label = f"≥ {lower:g} {unit}"
        else:
            label = f"{lower:g} – < {upper:g} {unit}"
        classes.append({"min": lower, "max": upper, "colour": colour, "label": label.strip()})
        lower = upper
    return classes


def indicator_definitions():
    """The indicators in map order; evaluated per request so labels follow the active language."""
    return [
        {
            "key": "residents",
            "label": str(_("Einwohner:innen")),
            "unit": "",
            "source_note": str(_("Einwohnerregister, 31.12.2024")),
            "classes": classes([2000, 4000, 6000, 9000], ""),
        },
        {
            "key": "migration_background_share",
            "label": str(_("Anteil mit Migrationshintergrund")),
            "unit": "%",
            "source_note": str(_("Einwohnerregister, 31.12.2024")),
            "classes": classes([25, 35, 45, 55], "%"),
        },
        {
            "key": "foreigners_share",
            "label": str(_("Anteil Ausländer:innen")),
            "unit": "%",
            "source_note": str(_("Einwohnerregister, 31.12.2024")),
            "classes": classes([10, 20, 30, 40], "%"),
        },
        {
            "key": "mss_status_index",
            "label": str(_("Sozialer Status (MSS 2021)")),
            "unit": "",
            "source_note": str(_("Monitoring Soziale Stadtentwicklung 2021, Stand 31.12.2020")),
            "classes": [
                {"min": value, "max": value + 1, "colour": colour, "label": f"{value} – {label}"}
                for value, colour, label in (
                    (1, MSS_STATUS[0], _("hoch")),
                    (2, MSS_STATUS[1], _("mittel")),
                    (3, MSS_STATUS[2], _("niedrig")),
                    (4, MSS_STATUS[3], _("sehr niedrig")),
                )
            ],
        },
        {
            "key": "municipal_housing_share",
            "label": str(_("Anteil städtischer Wohnungsbaugesellschaften")),
            "unit": "%",
            "source_note": str(_("Eigentumskonzentration 2022, Anteil an Wohn- und Mischfläche")),
            "classes": classes([1, 10, 25, 50], "%"),
        },
    ]


def indicator_keys():
    return [definition["key"] for definition in indicator_definitions()]


def origin_labels():
    """Regions of origin as the statistics office groups them (table T4), translated."""
    return {
        "european_union": str(_("EU")),
        "france": str(_("Frankreich")),
        "greece": str(_("Griechenland")),
        "italy": str(_("Italien")),
        "austria": str(_("Österreich")),
        "spain": str(_("Spanien")),
        "poland": str(_("Polen")),
        "bulgaria": str(_("Bulgarien")),
        "rumania": str(_("Rumänien")),
        "croatia": str(_("Kroatien")),
        "united_kingdom": str(_("Vereinigtes Königreich")),
        "former_yugoslavia": str(_("ehemaliges Jugoslawien")),
        "bosnia_herzegovina": str(_("Bosnien und Herzegowina")),
        "serbia": str(_("Serbien")),
        "former_soviet_union": str(_("ehemalige Sowjetunion")),
        "russia": str(_("Russland")),
        "ukraine": str(_("Ukraine")),
        "kazakhstan": str(_("Kasachstan")),
        "islamic_countries": str(_("islamisch geprägte Länder (Gruppe der Statistik)")),
        "turkey": str(_("Türkei")),
        "iran": str(_("Iran")),
        "arabic_countries": str(_("arabische Länder")),
        "lebanon": str(_("Libanon")),
        "syria": str(_("Syrien")),
        "vietnam": str(_("Vietnam")),
        "united_states": str(_("Vereinigte Staaten")),
        "undefined": str(_("nicht zuordenbar")),
    }


# Umbrella regions of table T4 and the states listed inside them (sub-groups are contained in
# their umbrella, so only umbrellas may be compared with each other).
ORIGIN_HIERARCHY = [
    ("european_union", ["poland", "rumania", "bulgaria", "croatia", "italy", "greece", "france", "austria", "spain"]),
    ("united_kingdom", []),
    ("former_yugoslavia", ["serbia", "bosnia_herzegovina"]),
    ("former_soviet_union", ["russia", "ukraine", "kazakhstan"]),
    ("islamic_countries", ["turkey", "arabic_countries", "syria", "lebanon", "iran"]),
    ("vietnam", []),
    ("united_states", []),
    ("undefined", []),
]
