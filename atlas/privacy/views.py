from django.conf import settings
from django.views.generic import TemplateView

from atlas.moderation import conf as moderation_settings
from atlas.subscriptions import conf as subscription_settings
from common.basemap import tile_source


class PrivacyView(TemplateView):
    """What the atlas stores, the consent rules for organisations' data, and people's rights."""

    template_name = "privacy/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            stale_months=round(moderation_settings.stale_after_days() / 30.4),
            submissions_per_hour=moderation_settings.submissions_per_hour(),
            axes_limit=settings.AXES_FAILURE_LIMIT,
            confirmation_days=settings.ATLAS_EMAIL_CONFIRMATION_DAYS,
            account_mails_per_hour=settings.ATLAS_ACCOUNT_MAILS_PER_ADDRESS,
            contact_email=settings.DEFAULT_FROM_EMAIL,
            tiles=tile_source(),
            subscription_confirmation_days=subscription_settings.confirmation_days(),
            subscriptions_per_client=subscription_settings.subscribe_rate_text(),
            **kwargs)
