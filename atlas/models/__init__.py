"""Models of the directory app, one module per concern."""
from atlas.models.accounts import ConfirmedEmail  # noqa: F401
from atlas.models.directory import (  # noqa: F401
    MeetingPlace,
    Organisation,
    PublicationStatus,
    Room,
    WheelchairAccess,
)
from atlas.models.events import Event, Topic  # noqa: F401
from atlas.models.geocoding import GazetteerAddress, GeocodeCache  # noqa: F401
from atlas.models.location import LocationPrecision  # noqa: F401
from atlas.models.moderation import Submission  # noqa: F401
from atlas.models.network import (  # noqa: F401
    Need,
    NeedsAssessment,
    Offer,
    OrganisationEditor,
    SupportTopic,
    VerificationReminder,
)
from atlas.models.resources import Resource  # noqa: F401
from atlas.models.taxonomy import Category, Community, Language, MeetingPlaceType, TargetGroup  # noqa: F401

