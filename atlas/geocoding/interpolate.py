"""Linear interpolation of a house number between known points on the same street."""


def interpolate(number, known):
    """(lon, lat) for `number` between the nearest known numbers below and above it, or None.

    `known` holds objects with `number`, `lon`, `lat` (facility points on the street). Numbers on the
    same side of the street (same parity) are used when they enclose `number`, else any that do.
    Never extrapolates: outside the known range there is no honest estimate.
    """
    by_number = {}
    for point in known:
        by_number.setdefault(point.number, point)
    if len(by_number) < 2:
        return None
    same_side = [p for n, p in by_number.items() if n % 2 == number % 2]
    for candidates in (same_side, list(by_number.values())):
        lower = max((p for p in candidates if p.number <= number), key=lambda p: p.number, default=None)
        upper = min((p for p in candidates if p.number >= number), key=lambda p: p.number, default=None)
        if lower is None or upper is None:
            continue
        if lower.number == upper.number:
            return lower.lon, lower.lat
        share = (number - lower.number) / (upper.number - lower.number)
        return lower.lon + share * (upper.lon - lower.lon), lower.lat + share * (upper.lat - lower.lat)
    return None
