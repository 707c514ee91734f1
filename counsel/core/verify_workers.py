"""A large store's records checked in two worker processes, so a check uses both cores.

Checking a record is hashing its PDF (which releases the interpreter lock), checking two
ECDSA signatures (its sealing entry's and its PDF's, which ``cryptography`` does holding the
lock) and Python around them: in one process the lock, not the cores, set the pace (about
1,100 records a second on two cores). So each worker process opens its own reading
connection and reads the rows of the batches it is given: only audit entries and problems
cross between the processes, never a PDF. Workers read the check's own snapshot: a server
shares it (``pg_export_snapshot``); an SQLite worker's transaction begins after the check's,
and holds the same sealed rows, as sealed rows never change (a row an intruder removed
meanwhile is reported gone, as a later check would). Workers start a fresh interpreter
(spawn: the window's process runs threads, which a fork would copy half-locked), which costs
a few tenths of a second, so a small check stays in the check's process.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections import Counter
from collections.abc import Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from counsel.core.audit_signatures import ClinicTrust
from counsel.core.clinic_key import Keyring
from counsel.core.database import Database
from counsel.core.read_ahead import worked_in_order
from counsel.core.sealed_checks import (
    EntryChecked,
    EntryRead,
    batch_problems,
    sealed_values,
    with_rows,
)
from counsel.core.store_location import ServerDatabase
from counsel.core.store_schema import open_reader

if TYPE_CHECKING:
    from counsel.core.store_server import ServerConnection

WORKERS = 2
#: Below this many audit entries (about half as many records) a check stays in its process.
FROM_ENTRIES = 1_000
#: Batches handed out ahead of the one the check waits for: each worker has the next ready.
DEPTH = 3 * WORKERS

#: A batch checked, with the sealed records each certificate signed and those sealed before
#: the store signed anything (``ClinicTrust``'s counts, added up by the check).
BatchChecked = tuple[list[EntryChecked], Counter[str], int]


def worth_workers(entries: int) -> bool:
    return entries >= FROM_ENTRIES


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker needs to check as the check's own process would."""

    database: Path | ServerDatabase
    keys_folder: Path
    signed_from: int
    pdf_validation: bool
    snapshot: str  # the server's snapshot the check reads ("" in SQLite)

    @classmethod
    def of(cls, database: Path | ServerDatabase, conn: Database, trust: ClinicTrust) -> WorkerSetup:
        """The setup for a check reading ``database`` through ``conn``, in a transaction."""
        snapshot = "" if (server := _server(conn)) is None else server.export_snapshot()
        return cls(database, trust.folder, trust.signed_from, trust.pdf_validation, snapshot)


class _Checker:
    """A worker's reading connection, in one transaction, and its view of the clinic's
    certificates."""

    def __init__(self, setup: WorkerSetup) -> None:
        self.conn = open_reader(setup.database)
        if (server := _server(self.conn)) is not None:
            server.read_snapshot(setup.snapshot)
        else:
            self.conn.execute("BEGIN")
        self.trust = ClinicTrust(
            self.conn,
            Keyring(setup.keys_folder),
            pdf_validation=setup.pdf_validation,
            signed_from=setup.signed_from,
        )
        self.values = sealed_values(self.conn)

    def check(self, batch: list[EntryRead]) -> BatchChecked:
        checked = batch_problems(self.trust, self.values, with_rows(self.conn, self.values, batch))
        return checked, *self.trust.take_counts()


def _server(conn: Database) -> ServerConnection | None:
    return None if isinstance(conn, sqlite3.Connection) else cast("ServerConnection", conn)


#: This worker's checker, or why it could not start (raised with each batch, in the check).
_checker: _Checker | Exception | None = None


def _start(setup: WorkerSetup) -> None:
    global _checker
    try:
        _checker = _Checker(setup)
    except Exception as error:  # said to the check, not lost as a broken pool
        _checker = error


def _checked_batch(batch: list[EntryRead]) -> BatchChecked:
    if not isinstance(_checker, _Checker):
        raise _checker or RuntimeError("the worker did not start")
    return _checker.check(batch)


def checked_in_workers(
    setup: WorkerSetup, batches: Iterable[list[EntryRead]], trust: ClinicTrust
) -> Generator[list[EntryChecked], None, None]:
    """Each of ``batches`` checked by the workers, in order; their counts are added to
    ``trust``'s. Closed early (cancelled), it waits only for the batches being checked."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(WORKERS, context, initializer=_start, initargs=(setup,)) as pool:
        for checked, signers, before_keys in worked_in_order(
            batches, _checked_batch, depth=DEPTH, executor=pool
        ):
            trust.add_counts(signers, before_keys)
            yield checked
