"""What the queue lists: entries without a precise point, archived ones aside, the newest changes first."""

from atlas.directory.models import PublicationStatus, without_precise_point


def queue(model):
    """The entries of a kind to place, most recently changed (e.g. just imported) first."""
    return (model.objects.filter(without_precise_point()).exclude(status=PublicationStatus.ARCHIVED)
            .select_related("planning_area", "ortsteil").order_by("-updated", "name"))
