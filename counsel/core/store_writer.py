"""Where a window's writes to the record store are made: one after another, on one lane.

A server that stops answering (a dropped network, a hung server) holds a write for as long as
it hangs; made on the window's thread, that would freeze the window. So the interface gives
``StoreWriter`` a runner that works on a worker thread of its own: one thread, so the writes
keep their order and SQLite's connection stays on the thread that opened it. The tests and
the command line run the writes where they are asked (``run_here``). The store written is a
connection of its own, opened at the first write where the writes run, so the window's reads
never wait behind a write, nor land inside its transaction. Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from counsel.core.frozen import Frozen

if TYPE_CHECKING:
    from counsel.core.pending_sessions import PendingSessions
    from counsel.core.record_store import RecordStore

#: An audit entry waiting to be written: its action and detail (see ``RecordStore.log``).
Entry = tuple[str, dict[str, Any]]
#: Runs ``work()`` and calls ``done(its result, or the exception it raised)``.
Runner = Callable[[Callable[[], object], Callable[[object], None]], None]


def run_here(work: Callable[[], object], done: Callable[[object], None]) -> None:
    try:
        result = work()
    except Exception as error:
        result = error
    done(result)


class SessionWrite(Frozen, kw_only=False):
    """One write of a session, taken on the window's thread as the session was when it ran:
    its stored form (None: only audit entries, for a record already stored signed), the
    audit entries due, the signed PDF when it seals, and the sessions kept on this computer
    to store once the server answers again."""

    session_id: str
    data: dict[str, Any] | None
    entries: list[Entry] = field(default_factory=list)
    pdf: bytes | None = None
    kept: PendingSessions | None = None


@dataclass
class Written:
    """How far a ``SessionWrite`` got: the entries written (the rest are due again), the
    kept sessions stored, and what stopped it (None: all of it is stored)."""

    logged: int = 0
    kept_stored: int = 0
    error: Exception | None = None


def write_session(store: RecordStore, job: SessionWrite) -> Written:
    """The draft, then its audit entries, then the seal; each its own transaction, so a
    write cut anywhere leaves whole rows, and the entries not written are written next."""
    written = Written()
    try:
        if job.data is not None:
            store.save_stored_draft(job.data)
        for action, detail in job.entries:
            store.log(job.session_id, action, **detail)
            written.logged += 1
        if job.pdf is not None:
            assert job.data is not None, "a seal stores the session with its PDF"
            store.seal_stored(job.data, job.pdf)
        if job.kept is not None:
            written.kept_stored = job.kept.store_waiting(store, but=job.session_id)
    except Exception as error:
        written.error = error
    return written


class StoreWriter:
    """A window's writes, made through ``run`` (in order) on the store ``connect`` opens."""

    def __init__(self, connect: Callable[[], RecordStore], run: Runner = run_here) -> None:
        self._connect = connect
        self.run = run
        self._store: RecordStore | None = None  # opened by the first write, where it runs

    def submit(self, work: Callable[[RecordStore], object], done: Callable[[object], None]) -> None:
        """``work(store)`` after every write submitted before it; ``done(its result, or the
        exception it raised)`` where ``run`` delivers (the window's thread)."""
        self.run(lambda: work(self._opened()), done)

    def write(self, job: SessionWrite, done: Callable[[Written], None]) -> None:
        def delivered(result: object) -> None:  # the store could not even be opened
            done(result if isinstance(result, Written) else Written(error=as_error(result)))

        self.submit(lambda store: write_session(store, job), delivered)

    def _opened(self) -> RecordStore:
        if self._store is None:
            self._store = self._connect()
        return self._store

    def interrupt(self) -> None:
        """Stop the write under way (from the window's thread, when quitting while the server
        does not answer): it fails whole, and the thread is free to end."""
        if self._store is not None:
            self._store.interrupt()

    def close(self) -> None:
        """Close the writer's connection, after the writes submitted before."""

        def closing(store: RecordStore) -> None:
            self._store = None
            store.close()

        if self._store is not None:
            self.submit(closing, lambda result: None)


def as_error(result: object) -> Exception:
    return result if isinstance(result, Exception) else RuntimeError(repr(result))
