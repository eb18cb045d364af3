"""Area subscriptions ("Neues in meiner Nähe"): a resident leaves an e-mail address and an area and gets a
digest of new organisations, meeting places and events there, at most weekly (double opt-in)."""
