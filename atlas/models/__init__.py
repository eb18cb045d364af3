"""Models of the directory app, one module per concern."""
from atlas.models.geocoding import GazetteerAddress, GeocodeCache  # noqa: F401
