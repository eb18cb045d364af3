"""Public proposals without an account (new organisation, meeting place, event, corrections), the
coordinators' moderation queue, the editors' edit view, the change history with revert, and the list
of entries due for verification."""
