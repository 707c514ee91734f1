"""Keeps the record store in step with a live session.

Every change is saved (so a crash or a closed window loses nothing), what the clinician and
patient did is added to the audit trail (``session_trail``), and signing (``sign``, the one
way to sign) seals the session and stores it with its PDF. Typing changes a field a letter at
a time, and each save writes the whole session: given ``save_later``, the recorder holds
typing's saves back and the caller (the interface, once typing pauses, or on any other change,
Next, quit or the window losing focus) calls ``flush``, so a name typed is one save, not one
per letter. While the clinic's records server cannot be reached, the session is kept on this
computer (``pending_sessions``) until ``retry`` finds the server answering. Qt-free: the
interface only creates one per session, and hands it the PDF builder (the core sits below the
PDF layer and never imports it) and where to sign the PDF (its PDF worker process, where
pyHanko loads).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from counsel.core.content import ClinicSettings
from counsel.core.record_status import IN_PROGRESS, RecordNotFoundError
from counsel.core.session import Session
from counsel.core.session_trail import SessionTrail
from counsel.core.store_errors import StoreUnavailable

if TYPE_CHECKING:
    from counsel.core.clinic_key import ClinicIdentity
    from counsel.core.clinic_signature import SignedPdf
    from counsel.core.pending_sessions import PendingSessions
    from counsel.core.record_store import RecordStore

#: The fields that change a letter (or a stroke) at a time; any other change is one click,
#: saved at once (with any typing held back), and its audit entries written then.
TYPED = frozenset({"details", "drafts", "signatures"})

PdfMaker = Callable[[Session, ClinicSettings], bytes]
#: Signs a PDF with the clinic identity (and the time-stamp authority's URL, if any).
PdfSigner = Callable[[bytes, "ClinicIdentity", str], "SignedPdf"]
StatusListener = Callable[[], None]
#: Runs ``work()`` and calls ``done(its result, or the exception it raised)``; the interface
#: passes one that works on another thread, so building the PDF never freezes the window.
Runner = Callable[[Callable[[], object], Callable[[object], None]], None]


def sign_here(pdf: bytes, identity: ClinicIdentity, timestamp_url: str) -> SignedPdf:
    """Signing in this process, which then loads pyHanko."""
    from counsel.core.signed_pdf import sign_pdf

    return sign_pdf(pdf, identity, timestamp_url)


def run_here(work: Callable[[], object], done: Callable[[object], None]) -> None:
    try:
        result = work()
    except Exception as error:
        result = error
    done(result)


class SessionRecorder:
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
    ) -> None:
        self.store = store
        #: Where the session is kept while the records server cannot be reached.
        self.pending = pending
        self.session = session
        self.clinic = clinic
        self.make_pdf = make_pdf
        self.run = run
        #: Called when typing's save is held back (None: everything is saved at once).
        self.save_later = save_later
        self.held_back = False  # typing not saved yet; ``flush`` saves it
        self.sign_pdf = sign_pdf
        self.sealing = False  # the signed record's PDF is being built and stored
        self.failure: Exception | None = None  # the last save or seal that failed, until retried
        #: The server answered again after it could not be reached, and nobody was told yet.
        self.reconnected = False
        #: Other sessions kept on this computer and stored on the server once it answered.
        self.kept_stored = 0
        self._stored_signed = False  # stored signed by this recorder: no need to ask the store
        #: Why the last signing did not finish (the session is then unsealed, as before Sign).
        self.signing_failure: Exception | None = None
        self._status_listeners: list[StatusListener] = []
        self._saved = False  # a blank session is stored once something is entered
        self.trail = SessionTrail(store, session)
        self._unsubscribe = session.subscribe(self._changed)
        if session.is_sealed and self._stored_status() in (None, IN_PROGRESS):
            self._store_signed()  # signed, not stored signed yet (the app stopped in between)

    def close(self) -> None:
        """Save what is held back and stop following the session (another one is shown)."""
        self.flush()
        self._unsubscribe()
        self._status_listeners.clear()

    def watch(self, listener: StatusListener) -> None:
        """Call ``listener()`` whenever the saving state changes: typing held back, saved,
        failing or working again, or signing ended."""
        self._status_listeners.append(listener)

    def _tell(self) -> None:
        for listener in list(self._status_listeners):
            listener()

    def _set_failure(self, failure: Exception | None) -> None:
        """Keep ``failure`` (None: saving works) and tell the listeners. When the server
        answers again, the other sessions kept on this computer meanwhile are stored there
        first, so the user is told once that everything is there."""
        if failure is None and isinstance(self.failure, StoreUnavailable):
            failure = self._store_kept_copies()
            self.reconnected = failure is None
        elif failure is not None:
            self.reconnected = False
        self.failure = failure
        self._tell()

    def _store_kept_copies(self) -> StoreUnavailable | None:
        """Every other session kept on this computer, stored on the server (see
        ``PendingSessions.store_waiting``); the failure if it stopped answering again."""
        if self.pending is None or self.pending.load is None:
            return None
        try:
            self.kept_stored = self.pending.store_waiting(self.store, but=self.session.id)
        except StoreUnavailable as error:
            return error
        return None

    @property
    def waiting_for_server(self) -> bool:
        """The records server could not be reached: saves are kept on this computer until
        ``retry`` finds it answering (the interface asks the server on another thread first)."""
        return isinstance(self.failure, StoreUnavailable)

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
        """Store the draft; a failure (a full disk) is kept and reported, never raised into
        the session's listeners, so the screens go on working and nothing typed is dropped.
        The records server out of reach is such a failure too: the session is then kept on
        this computer (``pending``) and the server tried again by ``retry``."""
        import sqlite3  # loaded with the store, not at start-up

        if self.waiting_for_server and what != "retry":
            self.held_back = False
            self._keep_here()  # the server is tried again by ``retry``, not at every key
            return
        was_held_back, self.held_back = self.held_back, False  # this save writes it all
        try:
            self.store.save_draft(self.session)
            self._saved = True
            self.trail.log(what)
        except StoreUnavailable as error:
            self._keep_here()
            self._set_failure(error)
            return
        except (OSError, sqlite3.Error) as error:
            self._set_failure(error)
            return
        if self.pending is not None:
            self.pending.discard(self.session.id)
        if self.failure is not None:
            self._set_failure(None)
        elif was_held_back:
            self._tell()

    def _keep_here(self) -> None:
        """The session, on this computer until the server answers (a failure to write it
        there too leaves the server's failure to report: it is the one to fix)."""
        if self.pending is not None:
            with contextlib.suppress(OSError):
                self.pending.keep(self.session)

    def server_unreachable(self, error: StoreUnavailable) -> None:
        """The store could not be opened (at start-up): say so before anything is typed."""
        self._set_failure(error)

    def sign(self) -> None:
        """Seal the session, then store it signed with its PDF (built through ``run``).

        Refused with ``NotReadyError``, changing nothing, while anything required is missing.
        Otherwise it ends stored signed (``is_stored_signed``) or, when the PDF or storing
        failed, unsealed as before with the reason in ``signing_failure``; the status
        listeners hear when it ends. While the PDF is built, ``sealing`` is True (the screens
        that hear "sealed" show that it is under way). While the records server cannot be
        reached, signing waits (without trying the server here: ``retry`` does, once it
        answers): nothing is sealed, and ``waiting_to_sign`` says so until ``sign`` is called
        again."""
        self.flush()  # what was typed last is stored before anything is sealed
        if self.waiting_for_server:  # the server is tried again where waiting does not freeze
            self.signing_failure = self.failure
            self._set_failure(self.failure)  # listeners hear that signing did not start
            return
        self.sealing = True
        try:
            self.session.seal()
        except Exception:
            self.sealing = False
            raise
        self._store_signed()

    def _store_signed(self) -> None:
        """Build and sign the record's PDF (the sealed session cannot change meanwhile), then
        store both; a failure is kept for the interface to show."""
        self.sealing = True
        self.signing_failure = None
        self._set_failure(None)
        # Built and signed where ``run`` works (off the window's thread); the key is looked up
        # here, so the store is only ever used on this thread, and the work reads only the key.
        keys = self.store.keys
        self.run(
            lambda: self.sign_pdf(
                self.make_pdf(self.session, self.clinic),
                keys.identity(),
                self.clinic.timestamp_url,
            ),
            self._store_sealed,
        )

    def _store_sealed(self, pdf: object) -> None:
        """Store the sealed record; if its PDF or storing failed, unseal the session, so Sign
        either completes fully or leaves everything as it was, with the reason kept. A server
        lost while storing may have committed the seal before its answer was lost: the session
        then stays signed and ``retry`` asks the server which it was (stored once, or stored
        now), never unsealing what the server may hold signed."""
        self.sealing = False
        try:
            if isinstance(pdf, Exception):
                raise pdf
            assert isinstance(pdf, bytes)
            self.store.seal(self.session, pdf)
            self._stored_signed = True
        except StoreUnavailable as error:
            self._set_failure(error)
            return
        except Exception as error:  # any failure (a PDF layout, a full disk) must not half-sign
            self.signing_failure = error
            self.session.undo_seal()  # saves the unsealed draft, as any change does
            self._set_failure(self.failure)  # listeners hear that signing ended
            return
        self._set_failure(None)

    def retry(self) -> bool:
        """Try the failed save or seal again; True once the record is stored (for a session
        with nothing entered yet: once the store answers)."""
        if self.session.is_sealed:
            status = self._reach_store()
            if status in (None, IN_PROGRESS) and not self.waiting_for_server:
                self._store_signed()
        elif self.session.is_blank and not self._saved:
            self._reach_store()
        else:
            self._save("retry")
        return self.failure is None

    def _reach_store(self) -> str | None:
        """The session's stored status, asked of the store to see whether it answers."""
        try:
            status = self._stored_status()
        except StoreUnavailable as error:
            self._set_failure(error)
            return None
        if self.waiting_for_server:
            self._set_failure(None)
        return status

    @property
    def waiting_to_sign(self) -> bool:
        """Signing was asked for while the records server could not be reached."""
        return not self.session.is_sealed and isinstance(self.signing_failure, StoreUnavailable)

    @property
    def is_stored_signed(self) -> bool:
        if self._stored_signed:
            return True
        if not self.session.is_sealed or self.sealing or self.waiting_for_server:
            return False
        try:
            return self._stored_status() not in (None, IN_PROGRESS)
        except StoreUnavailable:  # asked while the server is away: not known to be stored
            return False

    def pdf_bytes(self) -> bytes:
        """The PDF exactly as stored when it was signed."""
        return self.store.pdf_bytes(self.session.id)

    def export_pdf(self, path: Path) -> None:
        """Save the stored PDF where the user chose (and agreed to replace a file there)."""
        self.store.export_pdf(self.session.id, path, overwrite=True)

    def printed(self) -> None:
        self.store.log(self.session.id, "pdf_printed", pdf_sha256=sha256_hex(self.pdf_bytes()))

    def exported(self, pdf: bytes) -> None:
        """Note in the trail that another copy (e.g. the bilingual one) left Counsel."""
        self.store.log(self.session.id, "pdf_exported", pdf_sha256=sha256_hex(pdf))


def sha256_hex(data: bytes) -> str:
    import hashlib  # here, not at the top: the first screen paints without loading OpenSSL

    return hashlib.sha256(data).hexdigest()
