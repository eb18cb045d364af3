"""What every feature of the atlas shares: no models, imports only Django and DRF."""
