"""Keeps each directory entry's search text in step with its fields and linked vocabularies."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from .models import MeetingPlace, Organisation


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
