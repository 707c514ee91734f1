"""The record store on the clinic's PostgreSQL server: a connection that runs the store's SQL.

The store's SQL is written once, in SQLite's dialect. Here it goes to PostgreSQL with the few
spellings that differ rewritten (placeholders, ``CAST(x AS BLOB)``, SQLite's index hints);
the SQLite functions it calls (``instr``, ``json_valid``, ``json_extract``, ``json_array``,
and ``blob`` for the cast) are defined on the server by ``store_server_schema``. Every write
transaction first takes one advisory lock, as SQLite's ``BEGIN IMMEDIATE`` takes its write
lock, so the hash-chained audit trail is appended in one order however many rooms write at
once. A reader's transactions are REPEATABLE READ READ ONLY: one snapshot each. A server that
cannot be reached, or a connection lost, raises ``StoreUnavailable``; the next statement after
a lost connection connects again (at once, for the statement that finds its idle connection
ended by a restart).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import socket
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import pq, sql
from psycopg.conninfo import make_conninfo

from counsel.core.store_errors import StoreUnavailable
from counsel.core.store_location import ServerDatabase

#: The advisory lock every write transaction holds ("Counsel" in ASCII).
WRITE_LOCK = 0x436F756E73656C
CONNECT_TIMEOUT_S = 10
STREAM_BATCH = 500  # rows fetched at a time by ``stream``
_CURSORS = itertools.count()
#: A silent network is noticed within about 11 seconds, not when the operating system gives up
#: (minutes): probes after 5 s of quiet, every 2 s, three missed; data unanswered for 10 s.
KEEPALIVE = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}
_PLACEHOLDER = re.compile(r"\?|(?<![:\w]):([A-Za-z_]\w*)")
#: Connection errors (class 08) and the server shutting down or restarting (57P01-57P03).
_LOST_STATES = ("57P01", "57P02", "57P03")


@lru_cache(maxsize=512)
def postgres_sql(sql: str) -> str:
    """``sql`` as PostgreSQL spells it (see the module's docstring)."""
    sql = sql.replace("%", "%%")
    sql = re.sub(r"\s+INDEXED BY \w+", "", sql)
    sql = re.sub(r"CAST\(([\w.]+) AS BLOB\)", r"blob(\1)", sql)
    return _PLACEHOLDER.sub(lambda m: "%s" if m[0] == "?" else f"%({m[1]})s", sql)


def unavailable(database: ServerDatabase, error: psycopg.Error) -> StoreUnavailable:
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return StoreUnavailable(f"the records server {database.host} cannot be reached ({reason})")


class ServerConnection:
    """One connection to the records database on the server (autocommit: the store's
    transactions are its own ``transaction`` and ``snapshot``)."""

    def __init__(self, database: ServerDatabase, *, reader: bool = False) -> None:
        self.database = database
        self._reader = reader
        self._conn = self._connect()

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            conninfo = make_conninfo(
                self.database.url,
                application_name="Counsel",
                connect_timeout=CONNECT_TIMEOUT_S,
                options="-c jit=off",  # compiling took longer than the list's queries run
                **KEEPALIVE,
            )
            conn = psycopg.connect(conninfo, autocommit=True)
            if self._reader:
                conn.execute(
                    "SET SESSION CHARACTERISTICS AS TRANSACTION"
                    " ISOLATION LEVEL REPEATABLE READ READ ONLY"
                )
        except psycopg.OperationalError as error:
            raise unavailable(self.database, error) from None
        return conn

    def execute(
        self, sql: str, parameters: Any = (), /, *, binary: bool = False
    ) -> psycopg.Cursor[Any]:
        """Run ``sql``; ``binary`` rows come as the server holds them (bytes as they are, not
        as hexadecimal text twice their size)."""
        if self._conn.closed:  # lost earlier (and its transaction with it): try again
            self._conn = self._connect()
        idle = not self.in_transaction
        try:
            with self._noticing_loss():
                return self._conn.execute(postgres_sql(sql), parameters, binary=binary)
        except StoreUnavailable as lost:
            if not (idle and getattr(lost.__cause__, "sqlstate", None) in _LOST_STATES):
                raise
        # The server ended this idle connection (it restarted): nothing of ``sql`` ran, or it
        # was rolled back with the connection, so it runs again on a new one, once.
        self._conn = self._connect()
        with self._noticing_loss():
            return self._conn.execute(postgres_sql(sql), parameters, binary=binary)

    @contextmanager
    def _noticing_loss(self) -> Iterator[None]:
        """A lost connection is closed (the next statement connects again) and reported."""
        try:
            yield
        except psycopg.OperationalError as error:
            if self._lost(error):
                self._conn.close()
                raise unavailable(self.database, error) from error
            raise

    def _lost(self, error: psycopg.OperationalError) -> bool:
        state = error.sqlstate
        return self._conn.broken or state is None or state[:2] == "08" or state in _LOST_STATES

    @property
    def in_transaction(self) -> bool:
        return (
            not self._conn.closed
            and self._conn.info.transaction_status != pq.TransactionStatus.IDLE
        )

    @contextmanager
    def transaction(self, durable: bool = False) -> Iterator[ServerConnection]:
        """One write transaction holding the store's write lock; inside another transaction
        it is part of that one. Only ``durable`` ones wait for the server's disk (signing,
        withdrawing, deleting); a draft's autosave may be lost with the server, not the app."""
        if self.in_transaction:
            yield self
            return
        self.execute("BEGIN")
        try:
            self.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
            if not durable:
                self.execute("SET LOCAL synchronous_commit = off")
            yield self
            self.execute("COMMIT")
        except BaseException:
            if self.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    def stream(self, sql: str, parameters: Any = ()) -> Iterator[Any]:
        """A long query's rows a batch at a time, through a cursor on the server (inside a
        transaction), so memory stays flat however many there are."""
        with (
            self._noticing_loss(),
            self._conn.cursor(name=f"counsel_{next(_CURSORS)}") as cursor,
        ):
            cursor.itersize = STREAM_BATCH
            cursor.execute(postgres_sql(sql), parameters)
            yield from cursor

    def copy(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """``rows`` into ``table`` in one COPY, in binary (a PDF goes as its bytes)."""
        types = dict(
            self.execute(
                "SELECT a.attname, t.typname FROM pg_attribute a"
                " JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = ?::regclass",
                (table,),
            ).fetchall()
        )
        statement = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT BINARY)").format(
            sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        with self._noticing_loss(), self._conn.cursor() as cursor, cursor.copy(statement) as copy:
            copy.set_types([types[column] for column in columns])
            for row in rows:
                copy.write_row(row)

    @contextmanager
    def snapshot(self) -> Iterator[ServerConnection]:
        """Every read inside sees one snapshot (a reader's transactions are REPEATABLE READ)."""
        self.execute("BEGIN")
        try:
            yield self
        finally:
            if self.in_transaction:
                self._conn.execute("COMMIT")

    def export_snapshot(self) -> str:
        """This transaction's snapshot, named for other connections to read (``read_snapshot``)
        while it lasts: a check's worker process reads what the check reads."""
        (snapshot,) = self.execute("SELECT pg_export_snapshot()").fetchone() or ("",)
        return str(snapshot)

    def read_snapshot(self, snapshot: str) -> None:
        """Begin a transaction that reads ``snapshot`` (``export_snapshot``'s name)."""
        self.execute("BEGIN")
        with self._noticing_loss():
            self._conn.execute(sql.SQL("SET TRANSACTION SNAPSHOT {}").format(sql.Literal(snapshot)))

    def interrupt(self) -> None:
        """From another thread: cut the connection under a statement that waits for a server
        that does not answer. The statement fails (``StoreUnavailable``), its transaction is
        never committed in part, and the next statement connects again."""
        with (
            contextlib.suppress(OSError, psycopg.Error),
            socket.socket(fileno=os.dup(self._conn.pgconn.socket)) as cut,
        ):
            cut.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._conn.close()


def reach(database: ServerDatabase) -> None:
    """Whether the server answers now (a connection of its own, made and closed): raises
    ``StoreUnavailable`` if not. Safe on any thread: it shares nothing with the store's."""
    ServerConnection(database).close()
