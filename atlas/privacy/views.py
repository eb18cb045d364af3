from django.conf import settings
from django.views.generic import TemplateView


class PrivacyView(TemplateView):
    """What the atlas stores, the consent rules for organisations' data, and people's rights."""

    template_name = "privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            stale_months=round(getattr(settings, "ATLAS_STALE_AFTER_DAYS", 365) / 30.4),
            submissions_per_hour=getattr(settings, "ATLAS_SUBMISSIONS_PER_HOUR", 5),
            axes_limit=getattr(settings, "AXES_FAILURE_LIMIT", 5),
            confirmation_days=settings.ATLAS_EMAIL_CONFIRMATION_DAYS,
            account_mails_per_hour=settings.ATLAS_ACCOUNT_MAILS_PER_ADDRESS,
            contact_email=getattr(settings, "DEFAULT_FROM_EMAIL", ""),
            **kwargs)
