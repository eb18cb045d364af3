"""Shared query pieces of the directory, events and resources."""

from django.db.models import Q


def linked_to(model, relation, keys, field):
    """Entries of `model` linked through the many-to-many `relation` to any item whose `field` is
    in `keys`. A subquery rather than a join, so an entry matching two keys is listed once."""
    through = getattr(model, relation).through
    owner = f"{model._meta.model_name}_id"
    target = getattr(model, relation).field.related_model._meta.model_name
    return Q(pk__in=through.objects.filter(**{f"{target}__{field}__in": keys}).values(owner))
