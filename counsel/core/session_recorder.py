"""Keeps the record store in step with a live session.

Every change is saved (so a crash or a closed window loses nothing), what the clinician and
patient did is added to the audit trail (``session_trail``), and signing (``sign``, the one
way to sign, in ``session_signing``) seals the session and stores it with its PDF. Typing
changes a field a letter at a time, and each save writes the whole session: given
``save_later``, the recorder holds typing's saves back and the caller (the interface, once
typing pauses, or on any other change, Next, quit or the window losing focus) calls ``flush``,
so a name typed is one save, not one per letter. While the clinic's records server cannot be
reached, the session is kept on this computer (``pending_sessions``) until ``retry`` finds the
server answering. Every write goes through ``writer`` (``store_writer``): the interface's
writes one after another on a thread of their own, so a server that hangs never freezes the
window. One write at a time: changes made while one is under way are written once it ends, in
one write of the session as it is then (the last edit wins, nothing is lost, a hung server
builds no backlog). Qt-free: the interface only creates one per session, and hands it the PDF
builder (the core sits below the PDF layer and never imports it), where to sign the PDF (its
PDF worker process, where pyHanko loads) and its writer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from counsel.core.content import ClinicSettings
from counsel.core.record_status import IN_PROGRESS, RecordNotFoundError
from counsel.core.session import Session
from counsel.core.session_signing import PdfMaker, PdfSigner, SessionSigning, sign_here
from counsel.core.session_trail import SessionTrail
from counsel.core.store_errors import StoreUnavailable
from counsel.core.store_writer import Entry, Runner, SessionWrite, StoreWriter, Written, run_here

if TYPE_CHECKING:
    from counsel.core.pending_sessions import PendingSessions
    from counsel.core.record_store import RecordStore

#: The fields that change a letter (or a stroke) at a time; any other change is one click,
#: saved at once (with any typing held back), and its audit entries written then.
TYPED = frozenset({"details", "drafts", "signatures"})

StatusListener = Callable[[], None]


class SessionRecorder(SessionSigning):
    def __init__(
        self,
        store: RecordStore,
        session: Session,
        clinic: ClinicSettings,
        make_pdf: PdfMaker,
        run: Runner = run_here,
        pending: PendingSessions | None = None,
        save_later: Callable[[], None] | None = None,
        sign_pdf: PdfSigner = sign_here,
        writer: StoreWriter | None = None,
    ) -> None:
        self.store = store  # read here; written only through ``writer``
        #: Where the writes are made (by default here, on ``store``).
        self.writer = writer or StoreWriter(lambda: store)
        #: Where the session is kept while the records server cannot be reached.
        self.pending = pending
        self.session = session
        self.clinic = clinic
        #: Called when typing's save is held back (None: everything is saved at once).
        self.save_later = save_later
        self.held_back = False  # typing not saved yet; ``flush`` saves it
        self.writing = False  # a write is under way (``writer``)
        #: Asked while writing, written once that write ends: None nothing, False only
        #: audit entries, True the session too.
        self._asked: bool | None = None
        self._entries: list[Entry] = []  # audit entries not written yet, oldest first
        self._then: list[Callable[[], None]] = []  # called once everything is stored (retry)
        self.left = False  # kept on this computer at quit: the write under way may not land
        self.failure: Exception | None = None  # the last save or seal that failed, until retried
        #: The server answered again after it could not be reached, and nobody was told yet.
        self.reconnected = False
        self._back_untold = False  # it answered, and what changed meanwhile is being written
        #: Other sessions kept on this computer and stored on the server once it answered.
        self.kept_stored = 0
        self._status_listeners: list[StatusListener] = []
        self._init_signing(make_pdf, run, sign_pdf)
        self._saved = False  # a blank session is stored once something is entered
        self.trail = SessionTrail(session)
        self._unsubscribe = session.subscribe(self._changed)
        if session.is_sealed and self._stored_status() in (None, IN_PROGRESS):
            self._store_signed()  # signed, not stored signed yet (the app stopped in between)

    def close(self) -> None:
        """Save what is held back and stop following the session (another one is shown);
        a write under way still ends as it would have."""
        self.flush()
        self._unsubscribe()
        self._status_listeners.clear()

    def watch(self, listener: StatusListener) -> None:
        """Call ``listener()`` whenever the saving state changes: typing held back, a write
        started or ended, failing or working again, or signing ended."""
        self._status_listeners.append(listener)

    def _tell(self) -> None:
        for listener in list(self._status_listeners):
            listener()

    def _set_failure(self, failure: Exception | None) -> None:
        """Keep ``failure`` (None: saving works) and tell the listeners."""
        if failure is not None:
            self.reconnected = self._back_untold = False
        self.failure = failure
        self._tell()

    @property
    def waiting_for_server(self) -> bool:
        """The records server could not be reached: saves are kept on this computer until
        ``retry`` finds it answering (the interface asks the server on another thread first)."""
        return isinstance(self.failure, StoreUnavailable)

    @property
    def saving(self) -> bool:
        """Something entered is not stored yet, but on its way: typing held back, a write
        under way (however long the server takes), or signing."""
        return self.held_back or self.writing or self.sealing or self.signing_next

    def _stored_status(self) -> str | None:
        try:
            return self.store.record(self.session.id).status
        except RecordNotFoundError:
            return None

    def _changed(self, what: str) -> None:
        if what == "sealed":
            return  # stored by sign(), with its PDF
        if self.session.is_blank and not self._saved:
            return  # opening the app and looking around is not worth a record
        if what in TYPED and self.save_later is not None:
            if not self.held_back:
                self.held_back = True
                self._tell()
            self.save_later()
            return
        self._save(what)

    def flush(self) -> None:
        """Save the typing held back, if any (nothing to do otherwise)."""
        if self.held_back:
            self._save("typing")

    def _save(self, what: str) -> None:
        """Store the draft (through ``writer``); a failure (a full disk) is kept and
        reported, never raised into the session's listeners, so the screens go on working
        and nothing typed is dropped. The records server out of reach is such a failure too:
        the session is then kept on this computer (``pending``) and the server tried again
        by ``retry``."""
        self.held_back = False  # this save writes it all
        if self.waiting_for_server and what != "retry":
            if self.writing:  # a retry under way: the session as it is now follows
                self._asked = True
            self._keep_here()  # the server is tried again by ``retry``, not at every key
            return
        self._entries += self.trail.entries(what)
        self._saved = True
        self._write()

    def _write(self, draft: bool = True) -> None:
        """Write the session as it is now (``draft``), with the audit entries due; while a
        write is under way, once it ends (then as the session is at that moment)."""
        from counsel.core.session_codec import session_to_dict  # with the ink model: not at start

        if self.writing:
            self._asked = bool(self._asked) or draft
            return
        self.writing, self._asked = True, None
        draft = draft and not (self.session.is_sealed and self._seal_pdf is None)
        pending = self.pending if self.waiting_for_server else None
        job = SessionWrite(
            self.session.id,
            session_to_dict(self.session) if draft or self._seal_pdf else None,
            list(self._entries),
            self._seal_pdf,
            pending if pending is not None and pending.load is not None else None,
        )
        self._tell()
        self.writer.write(job, lambda written: self._written(job, written))

    def _written(self, job: SessionWrite, written: Written) -> None:
        """A write ended (on the window's thread): note how far it got, then write what
        changed meanwhile."""
        self.writing = False
        del self._entries[: written.logged]
        if job.pdf is not None:
            self._seal_pdf = None
            self._sealed(written.error, written.kept_stored)
        elif written.error is not None:
            self._save_failed(written.error)
        else:
            self._save_succeeded(written.kept_stored)
        if self._asked is not None and not self.left:
            self._write_again()
        if self.signing_next and not self.writing:
            self.signing_next = False
            self._sign_now()
        if self.failure is not None:
            self._then.clear()  # asked again by the next Retry
        elif not self.saving:
            then, self._then = self._then, []
            for step in then:
                step()

    def _write_again(self) -> None:
        draft, self._asked = bool(self._asked), None
        if not self.waiting_for_server:
            self._write(draft)
            return
        if draft:
            self._keep_here()  # the server is away: kept here until ``retry``
        if self._seal_pdf is not None:  # signed again once the server answers (``retry``)
            self._seal_pdf, self.sealing = None, False
            self._tell()

    def _save_succeeded(self, kept_stored: int) -> None:
        if self.pending is not None and not self._asked and not self.left:
            self.pending.discard(self.session.id)  # a newer copy stays until written
        if self.waiting_for_server:  # the server answers again: the user is told once
            self.kept_stored += kept_stored
            self._back_untold = True
        self.failure = None
        if self._back_untold and not self._asked:  # told once what changed meanwhile is too
            self.reconnected, self._back_untold = True, False
        self._tell()

    def _save_failed(self, error: Exception) -> None:
        """Said (the banner, Not saved), never raised: it arrives from the writer's thread,
        where nothing could catch it."""
        if isinstance(error, StoreUnavailable):
            self._keep_here()
        self._set_failure(error)

    def _keep_here(self) -> None:
        """The session, on this computer until the server answers (a failure to write it
        there too leaves the server's failure to report: it is the one to fix)."""
        if self.pending is not None:
            with contextlib.suppress(OSError):
                self.pending.keep(self.session)

    def leave_here(self) -> bool:
        """Quitting while a write waits for a server that does not answer: the session is
        kept on this computer as it is now (stored on the server, and offered to resume,
        at the next start), and the write under way may land or not (whole either way).
        False if there is nowhere to keep it (this computer's own file)."""
        if self.pending is None:
            return False
        if not self.left:
            self.left = True
            self._keep_here()
            self.writer.interrupt()  # so the app can end: the copy here is the one to keep
        return True

    def server_unreachable(self, error: StoreUnavailable) -> None:
        """The store could not be opened (at start-up): say so before anything is typed."""
        self._set_failure(error)

    def store_kept_copies(self, then: Callable[[], object]) -> None:
        """At start-up: store the sessions kept on this computer (``pending``) through the
        writer, then call ``then`` (the offer to resume); a server that stops answering
        meanwhile is said instead."""
        pending = self.pending
        assert pending is not None and pending.load is not None

        def stored(result: object) -> None:
            if isinstance(result, StoreUnavailable):
                self.server_unreachable(result)
            elif isinstance(result, Exception):
                raise result
            else:
                then()

        self.writer.submit(pending.store_waiting, stored)

    def retry(self, then: Callable[[], None] | None = None) -> bool:
        """Try the failed save or seal again; True once the record is stored (for a session
        with nothing entered yet: once the store answers). ``then`` is called once it is
        (after the write, which the interface makes on another thread)."""
        if then is not None:
            self._then.append(then)
        if self.session.is_sealed or (self.session.is_blank and not self._saved):
            self._retry_without_draft()
        else:
            self._save("retry")
        if not self.saving and self.failure is None:
            then_steps, self._then = self._then, []
            for step in then_steps:
                step()
        return self.failure is None and not self.writing

    def _retry_without_draft(self) -> None:
        """A signed session, or one with nothing entered: whether the store answers (and
        holds the record signed); stored signed if it does not yet."""
        try:
            status = self._stored_status()
        except StoreUnavailable as error:
            self._set_failure(error)
            return
        if self.session.is_sealed and status in (None, IN_PROGRESS):
            self._store_signed()  # its write also stores the sessions kept here
        elif self.waiting_for_server or self._entries:
            self._write(draft=False)
