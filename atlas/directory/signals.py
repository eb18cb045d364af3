"""Keeps each directory entry's search text in step with its fields and linked vocabularies, and the
directory's cached facts (atlas.directory.cache) in step with the entries."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from atlas.directory.cache import directory_changed
from atlas.directory.models import (
    Category,
    Community,
    Language,
    MeetingPlace,
    MeetingPlaceType,
    Organisation,
    TargetGroup,
)
from geodata.models import Ortsteil, PlanningArea
from geodata.signals import geodata_imported


@receiver(post_save, sender=Organisation)
@receiver(post_save, sender=MeetingPlace)
def refresh_after_save(sender, instance, raw=False, **kwargs):
    if not raw:
        instance.refresh_search_text()


def refresh_after_m2m(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Organisation):
        instance.refresh_search_text()


for relation in ("categories", "languages", "target_groups", "communities"):
    m2m_changed.connect(refresh_after_m2m, sender=getattr(Organisation, relation).through,
                        dispatch_uid=f"organisation-search-{relation}")


# What the directory caches per set of filters (atlas.directory.cache) and the search's picture of it
# (atlas.directory.search.index) are recomputed after any change to an entry, its links, a vocabulary
# or an area it is filtered by.
for model in (Organisation, MeetingPlace, Category, Language, TargetGroup, Community, MeetingPlaceType, Ortsteil,
              PlanningArea):
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(directory_changed, sender=model, dispatch_uid=f"directory-changed-{name}-{model.__name__}")
for relation in ("categories", "languages", "target_groups"):
    m2m_changed.connect(directory_changed, sender=getattr(Organisation, relation).through,
                        dispatch_uid=f"directory-changed-{relation}")
# The geodata importer writes areas in bulk, past the signals above.
geodata_imported.connect(directory_changed, dispatch_uid="directory-changed-geodata-import")
