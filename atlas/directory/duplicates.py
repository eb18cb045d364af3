"""Possible duplicates in the directory: entries with the same name (ignoring case, umlauts and
punctuation, see common.text.fold_words) less than DUPLICATE_RADIUS_M apart. A hint for coordinators,
never a block: two branches of one association may well share a name."""

from django.db.models import Q

from common.projection import to_metric
from common.text import fold_words

DUPLICATE_RADIUS_M = 200


def nearby_namesakes(model, name, point, exclude_pk=None, radius_m=DUPLICATE_RADIUS_M):
    """[(entry, distance in metres)] of `model` with the same folded name within `radius_m` of
    `point` (any SRID), nearest first."""
    folded = fold_words(name)
    origin = to_metric(point)
    if not folded or origin is None:
        return []
    # search_text begins with the folded name (atlas/directory/models/search_text.py); an entry whose
    # text has not been built yet is compared by its name below.
    candidates = model.objects.filter(Q(search_text__contains=folded) | Q(search_text=""),
                                      location_metric__isnull=False)
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    found = []
    for entry in candidates.only("pk", "name", "slug", "status", "location_metric"):
        if fold_words(entry.name) != folded:
            continue
        distance = entry.location_metric.distance(origin)
        if distance <= radius_m:
            found.append((entry, distance))
    return sorted(found, key=lambda pair: pair[1])
