"""The store's tests on both engines: a plain second connection, and what refusals raise."""

from __future__ import annotations

import re
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


def _postgres_literals(statement: str) -> str:
    """SQLite's blob literals (x'00') as PostgreSQL's ('\\x00'::bytea)."""
    return re.sub(r"\bx'([0-9a-fA-F]*)'", r"'\\x\1'::bytea", statement)


def tamper(store: RecordStore, *statements: str) -> None:
    """Change the records as an intruder would: drop the guarding triggers, then edit (in
    the file, or on the server as its superuser)."""
    if isinstance(store.database, ServerDatabase):
        with closing(psycopg.connect(store.database.url, autocommit=True)) as server:
            triggers = (
                "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal"
            )
            for table, name in server.execute(triggers).fetchall():
                server.execute(f"DROP TRIGGER {name} ON {table}")
            for statement in statements:
                server.execute(_postgres_literals(statement).encode())
        return
    with closing(sqlite3.connect(store.path, isolation_level=None)) as conn:
        triggers = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        for (name,) in triggers.fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            conn.execute(statement)
