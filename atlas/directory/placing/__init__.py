"""„Lage genau setzen“: the coordinators' queue of directory entries without a precise point (none, or
only estimated along the street, at a planning area's or an Ortsteil's point), and a page per entry
with the street map where the coordinator drags the pin – or moves it with the arrow keys, clicks the
map or types the coordinates – and saves. The point is stored as set by hand (precision "manual",
`location_set_manually`), which no later geocoding overwrites (atlas.geocoding.service.apply_geocode,
the import, the moderation's editing and the seeding all leave such points alone).

    from atlas.directory.models import Organisation, without_precise_point
    Organisation.objects.filter(without_precise_point())   # what the queue lists (archived entries aside)
"""
