"""The privacy page (Datenschutzerklärung)."""
