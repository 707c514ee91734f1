"""The store's tests on both engines: a plain second connection, and what refusals raise."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import psycopg
import pytest

from counsel.core.database import Database
from counsel.core.record_store import RecordStore
from counsel.core.store_location import ServerDatabase
from counsel.core.store_server import ServerConnection

#: For a test of what only SQLite has (its files, its query planner).
SQLITE_ONLY = pytest.mark.parametrize("store_engine", ["sqlite"], indirect=True)
#: What the database raises when its own guards refuse a change.
REFUSED = (sqlite3.IntegrityError, psycopg.IntegrityError)


def raw(store: RecordStore) -> closing[Database]:
    """A second, plain connection to the same records: what anyone with the file, or with
    the server's password, could do (on the test server: its superuser)."""
    if isinstance(store.database, ServerDatabase):
        return closing(ServerConnection(store.database))
    return closing(sqlite3.connect(store.database, isolation_level=None))
