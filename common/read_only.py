"""Recognising a write that the database refused because it is read-only (a standby server, a disk
remounted read-only, a maintenance switch), as opposed to any other database error."""

import sqlite3

from django.db import DatabaseError

# PostgreSQL: read_only_sql_transaction ("cannot execute INSERT in a read-only transaction"), raised by a
# hot standby and under default_transaction_read_only; Django wraps it as InternalError.
POSTGRES_READ_ONLY = "25006"


def is_read_only_error(error):
    """True when ``error`` is Django's wrapper of a read-only refusal by PostgreSQL or SQLite."""
    if not isinstance(error, DatabaseError):
        return False
    cause = error.__cause__
    if cause is None:
        return False
    if (getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)) == POSTGRES_READ_ONLY:
        return True
    if isinstance(cause, sqlite3.Error):
        # SQLITE_READONLY and its extended codes ("attempt to write a readonly database").
        return (getattr(cause, "sqlite_errorcode", 0) & 0xFF) == sqlite3.SQLITE_READONLY
    return False
