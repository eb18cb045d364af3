"""Models of the directory: its entries, where they are, and the vocabularies that describe them."""

from atlas.directory.models.entries import (  # noqa: F401
    DirectoryEntry,
    MeetingPlace,
    MeetingPlaceFacility,
    Organisation,
    PublicationStatus,
    Room,
    WheelchairAccess,
)
from atlas.directory.models.location import Located, LocationPrecision, without_precise_point  # noqa: F401
from atlas.directory.models.vocabularies import (  # noqa: F401
    Category,
    Community,
    Language,
    MeetingPlaceType,
    TargetGroup,
    Vocabulary,
)
