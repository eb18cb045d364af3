"""Admin of public proposals (decided in the moderation queue) and of the verification reminders sent."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from atlas.moderation.models import Submission, VerificationReminder


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Public proposals; decisions (with the mail to the submitter) are made in the moderation queue."""

    list_display = ["__str__", "kind", "status", "entry_link", "submitter_name", "created", "reviewed_by",
                    "moderation_link"]
    list_filter = ["status", "kind", "created", "reviewed"]
    search_fields = ["submitter_name", "submitter_email", "organisation__name", "meeting_place__name",
                     "event__title", "reason"]
    date_hierarchy = "created"
    list_select_related = ["organisation", "meeting_place", "event", "reviewed_by"]
    readonly_fields = ["kind", "payload", "organisation", "meeting_place", "event", "sender_hash", "created",
                       "reviewed_by", "reviewed"]
    fields = ["kind", "status", "payload", "organisation", "meeting_place", "event", "submitter_name",
              "submitter_email", "reason", "reviewed_by", "reviewed", "created", "sender_hash"]

    def has_add_permission(self, request):
        return False  # proposals come from the public forms

    @admin.display(description=_("Eintrag"))
    def entry_link(self, obj):
        entry = obj.organisation or obj.meeting_place or obj.event
        return str(entry) if entry is not None else "–"

    @admin.display(description=_("Moderation"))
    def moderation_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("moderation:submission", kwargs={"pk": obj.pk}),
                           gettext("prüfen"))


@admin.register(VerificationReminder)
class VerificationReminderAdmin(admin.ModelAdmin):
    list_display = ["user", "sent", "organisations"]
    list_filter = ["sent"]
    readonly_fields = ["user", "sent", "organisations"]

    def has_add_permission(self, request):
        return False
