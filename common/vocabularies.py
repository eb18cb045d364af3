"""Seeding of the vocabularies (categories, target groups, topics, …): one loop for all of them."""


def seed_vocabulary(model, rows, fields=("name",), refresh=True):
    """Creates each row (key, *values for `fields`) at its position in `rows`. With refresh, existing
    rows get the given values again; without, they keep what a coordinator changed."""
    create = model.objects.update_or_create if refresh else model.objects.get_or_create
    for position, (key, *values) in enumerate(rows):
        create(key=key, defaults={**dict(zip(fields, values, strict=True)), "position": position})
