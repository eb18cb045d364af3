"""In-process snapshots of small, rarely changing tables (areas, facilities, street names).

A snapshot is rebuilt when a cheap signature (the highest id, one primary-key index lookup per table)
changes, or after `MAX_AGE` seconds, whichever comes first. Committed ids are not reused
(AUTOINCREMENT on SQLite, sequences on PostgreSQL), so added rows and re-imports are seen at once;
edits and deletions in the middle of a table are seen after `MAX_AGE`. Tests that change facilities or
areas inside a rolled-back transaction call `clear()` (a rolled-back id can be handed out again).
"""

import threading
import time

MAX_AGE = 300.0

_lock = threading.Lock()
_snapshots = {}


def signature(*querysets):
    """The highest id of each queryset: changes whenever rows are added or all replaced. (A count would
    scan the table on SQLite; a lone max() is answered from the index.)"""
    return tuple(queryset.order_by("-pk").values_list("pk", flat=True).first() for queryset in querysets)


def get(name, querysets, build):
    """The snapshot `name`, rebuilt with `build()` when the signature of `querysets` changed."""
    sig = signature(*querysets)
    now = time.monotonic()
    entry = _snapshots.get(name)
    if entry and entry[0] == sig and now - entry[1] < MAX_AGE:
        return entry[2]
    value = build()
    with _lock:
        _snapshots[name] = (sig, now, value)
    return value


def clear():
    with _lock:
        _snapshots.clear()
