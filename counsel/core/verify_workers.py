"""A large store's records checked here and in a worker process, so a check uses both cores.

Checking a record is hashing its PDF (which releases the interpreter lock), checking ECDSA
signatures (its sealing entry's and its PDF's, which ``cryptography`` does holding the lock)
and Python around them: in one process the lock, not the cores, set the pace (a full check
used about one and a half of two cores). So a large check hands each batch to a thread here or
to one worker process, whichever has fewer waiting. The worker opens its own reading
connection and reads the rows of its batches: only audit entries and problems cross between
the processes, never a PDF. It reads the check's own snapshot: a server shares it
(``pg_export_snapshot``); in SQLite its transaction begins after the check's and holds the
same sealed rows, as sealed rows never change (one an intruder removed meanwhile is reported
gone, as a later check would). The worker starts a fresh interpreter (spawn: the window's
process runs threads, which a fork would copy half-locked), which costs processor time and
about 60 MB, so a small check stays in its process, and a script that starts a large one must
guard its top level (``if __name__ == "__main__":``), as with any ``multiprocessing``.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections import Counter, deque
from collections.abc import Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from counsel.core.audit_signatures import ClinicTrust
from counsel.core.clinic_key import Keyring
from counsel.core.database import Database
from counsel.core.sealed_checks import (
    EntryChecked,
    EntryRead,
    batch_problems,
    with_rows,
)
from counsel.core.store_location import ServerDatabase
from counsel.core.store_schema import open_reader

if TYPE_CHECKING:
    from counsel.core.store_server import ServerConnection

#: Below this many audit entries (about half as many records) a check stays in its process:
#: starting the worker costs 0.2–0.6 s of processor time (an interpreter, its imports, its
#: connection, and multiprocessing's resource tracker), which a smaller check does not repay
#: on a machine with other work (2,000 records whose PDFs differ, six alternating pairs at a
#: load of 3–4 on 2 Dec: 2.50 processor s in one process, 2.81 with the worker, no faster).
FROM_ENTRIES = 10_000
#: Batches handed out ahead of the one the check waits for: the thread and the worker each
#: have the next ready.
DEPTH = 6

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

    def check(self, batch: list[EntryRead]) -> BatchChecked:
        checked = batch_problems(self.trust, with_rows(self.conn, batch))
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


@dataclass(frozen=True)
class CheckHere:
    """The check's own process: its connection (read on the check's thread) and its view of
    the clinic's certificates."""

    conn: Database
    trust: ClinicTrust


def checked_beside_a_worker(
    setup: WorkerSetup, batches: Iterable[list[EntryRead]], here: CheckHere
) -> Generator[list[EntryChecked], None, None]:
    """Each of ``batches`` checked, in order, by a thread here or by the worker process,
    whichever has fewer waiting (here, while the worker starts); the worker's counts are
    added to ``here.trust``'s. Closed early (cancelled), it waits only for the batches being
    checked."""
    context = multiprocessing.get_context("spawn")
    with (
        ProcessPoolExecutor(1, context, initializer=_start, initargs=(setup,)) as worker,
        ThreadPoolExecutor(1, thread_name_prefix="counsel-verify") as thread,
    ):
        pending: deque[tuple[Future[Any], bool]] = deque()  # each with: in the worker
        try:
            for batch in batches:
                waiting = Counter(in_worker for future, in_worker in pending if not future.done())
                if waiting[True] < waiting[False]:
                    pending.append((worker.submit(_checked_batch, batch), True))
                else:
                    rows = with_rows(here.conn, batch)
                    pending.append((thread.submit(batch_problems, here.trust, rows), False))
                if len(pending) >= DEPTH:
                    yield _result(*pending.popleft(), here.trust)
            while pending:
                yield _result(*pending.popleft(), here.trust)
        finally:  # stopped early (cancelled): drop what was queued, not run it
            for future, _ in pending:
                future.cancel()


def _result(future: Future[Any], in_worker: bool, trust: ClinicTrust) -> list[EntryChecked]:
    if not in_worker:
        return cast(list[EntryChecked], future.result())
    checked, signers, before_keys = cast(BatchChecked, future.result())
    trust.add_counts(signers, before_keys)
    return checked
