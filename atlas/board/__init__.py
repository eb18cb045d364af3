"""The collaboration board: members post what they look for or offer (partners, rooms and
equipment, volunteers), answers go through the platform, matching suggests posts."""
