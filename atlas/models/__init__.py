"""Models of the directory app, one module per concern."""
from atlas.models.directory import (  # noqa: F401
    MeetingPlace,
    Organisation,
    PublicationStatus,
    Room,
    WheelchairAccess,
)
from atlas.models.geocoding import GazetteerAddress, GeocodeCache  # noqa: F401
from atlas.models.location import LocationPrecision  # noqa: F401
from atlas.models.taxonomy import Category, Community, Language, MeetingPlaceType, TargetGroup  # noqa: F401
