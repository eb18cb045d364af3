"""What the admins of every feature share."""

from django.db import models

# Links typed without a scheme become https:// (Django 6's default, without its deprecation warning).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class ReadOnlyMixin:
    """Computed or official data: coordinators may look, only a command writes."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
