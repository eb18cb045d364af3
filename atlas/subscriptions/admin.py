"""What coordinators see of area subscriptions: counts, never the addresses (data minimisation — the
network needs to know how many people follow which area, not who they are). Nobody adds or edits a
subscription in the admin; people unsubscribe through the link in every mail."""

from django.contrib import admin
from django.db.models import Count
from django.template.response import TemplateResponse

from atlas.subscriptions.models import AreaSubscription, DigestRun
from common.admin import ReadOnlyMixin


@admin.register(AreaSubscription)
class AreaSubscriptionAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """The change list is a table of counts; there is no page of a single subscription."""

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            return super().changelist_view(request, extra_context)
        subscriptions = AreaSubscription.objects.all()
        confirmed = subscriptions.filter(confirmed__isnull=False)
        by_ortsteil = (confirmed.filter(ortsteil__isnull=False).values("ortsteil__name")
                       .annotate(count=Count("pk")).order_by("ortsteil__name"))
        by_radius = (confirmed.filter(radius_m__isnull=False).values("radius_m")
                     .annotate(count=Count("pk")).order_by("radius_m"))
        radius_names = dict(AreaSubscription.Radius.choices)
        languages = dict(AreaSubscription._meta.get_field("language").choices)
        by_language = confirmed.values("language").annotate(count=Count("pk")).order_by("language")
        context = {
            **self.admin_site.each_context(request),
            **(extra_context or {}),
            "opts": self.model._meta,
            "title": self.model._meta.verbose_name_plural,
            "confirmed": confirmed.count(),
            "pending": subscriptions.filter(confirmed__isnull=True).count(),
            "by_ortsteil": [(row["ortsteil__name"], row["count"]) for row in by_ortsteil],
            "by_radius": [(radius_names.get(row["radius_m"], row["radius_m"]), row["count"]) for row in by_radius],
            "by_language": [(languages.get(row["language"], row["language"]), row["count"]) for row in by_language],
            "runs": DigestRun.objects.all()[:10],
        }
        return TemplateResponse(request, "subscriptions/admin/counts.html", context)

    def get_urls(self):
        # Only the change list: no page shows a single subscription (and so no address).
        return [url for url in super().get_urls() if url.name and url.name.endswith("_changelist")]


@admin.register(DigestRun)
class DigestRunAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["started", "finished", "new_entries", "subscriptions_due", "digests_sent", "expired_deleted"]
    date_hierarchy = "started"
