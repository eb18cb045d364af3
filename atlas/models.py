"""The models of the `atlas` app label. Each feature owns its models (atlas/<feature>/models.py) and
declares app_label "atlas", so the tables and migrations stay where they were; this module only
names them all for Django's app loading and the migrations in atlas/migrations/."""

from atlas.accounts.models import ConfirmedEmail  # noqa: F401
from atlas.directory.models import (  # noqa: F401
    Category,
    Community,
    Language,
    MeetingPlace,
    MeetingPlaceFacility,
    MeetingPlaceType,
    Organisation,
    Room,
    TargetGroup,
)
from atlas.events.models import Event, Topic  # noqa: F401
from atlas.geocoding.models import GazetteerAddress, GeocodeCache  # noqa: F401
from atlas.membership.models import Membership  # noqa: F401
from atlas.moderation.models import Submission, UsedFormToken, VerificationReminder  # noqa: F401
from atlas.needs.models import Need, NeedsAssessment, Offer, SupportTopic  # noqa: F401
from atlas.resources.models import Resource  # noqa: F401
from atlas.roles.models import OrganisationEditor  # noqa: F401
from atlas.subscriptions.models import Appearance, AreaSubscription, DigestRun  # noqa: F401
