"""Signing a live session, the part of ``session_recorder`` that ends a session: the session
sealed, its PDF built and signed off the window's thread, and both stored in one write of the
recorder's writer, after the writes asked before it; or, when any of that fails, the session
unsealed exactly as it was. While the records server cannot be reached, signing waits. Then
what is done with the signed record (its PDF read, exported, printed), noted in its trail.

``SessionSigning`` is mixed into ``SessionRecorder``, whose state and writes it goes through
(declared below for the type checker).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from counsel.core.content import ClinicSettings
from counsel.core.record_status import IN_PROGRESS
from counsel.core.rules import NotReadyError, readiness
from counsel.core.session import Session
from counsel.core.store_errors import StoreUnavailable

if TYPE_CHECKING:
    from counsel.core.clinic_key import ClinicIdentity, Keyring
    from counsel.core.clinic_signature import SignedPdf
    from counsel.core.record_store import RecordStore
    from counsel.core.store_writer import Entry, Runner, StoreWriter

PdfMaker = Callable[[Session, ClinicSettings], bytes]
#: Signs a PDF with the clinic identity (and the time-stamp authority's URL, if any).
PdfSigner = Callable[[bytes, "ClinicIdentity", str], "SignedPdf"]


def sign_here(pdf: bytes, identity: ClinicIdentity, timestamp_url: str) -> SignedPdf:
    """Signing in this process, which then loads pyHanko."""
    from counsel.core.signed_pdf import sign_pdf

    return sign_pdf(pdf, identity, timestamp_url)


class SessionSigning:
    """Signing, for ``SessionRecorder``: its state here, its writes the recorder's."""

    store: RecordStore
    writer: StoreWriter
    session: Session
    clinic: ClinicSettings
    failure: Exception | None
    writing: bool
    _entries: list[Entry]

    def _init_signing(self, make_pdf: PdfMaker, run: Runner, sign_pdf: PdfSigner) -> None:
        self.make_pdf = make_pdf
        self.run = run  # where the PDF is built (off the window's thread in the interface)
        self.sign_pdf = sign_pdf
        self.sealing = False  # the signed record's PDF is being built and stored
        self.signing_next = False  # Sign was pressed during a write: signed once it ends
        self._seal_pdf: bytes | None = None  # the signed PDF, to store with the sealed session
        self._stored_signed = False  # stored signed by this recorder: no need to ask the store
        #: Why the last signing did not finish (the session is then unsealed, as before Sign).
        self.signing_failure: Exception | None = None

    if TYPE_CHECKING:  # the recorder's own (``SessionRecorder``)

        @property
        def waiting_for_server(self) -> bool: ...
        def flush(self) -> None: ...
        def _tell(self) -> None: ...
        def _set_failure(self, failure: Exception | None) -> None: ...
        def _write(self, draft: bool = True) -> None: ...
        def _save_succeeded(self, kept_stored: int) -> None: ...
        def _stored_status(self) -> str | None: ...

    def sign(self) -> None:
        """Seal the session, then store it signed with its PDF (built through ``run``).

        Refused with ``NotReadyError``, changing nothing, while anything required is missing.
        Otherwise it ends stored signed (``is_stored_signed``) or, when the PDF or storing
        failed, unsealed as before with the reason in ``signing_failure``; the status
        listeners hear when it ends. While the PDF is built, ``sealing`` is True (the screens
        that hear "sealed" show that it is under way). While the records server cannot be
        reached, signing waits (without trying the server here: ``retry`` does, once it
        answers): nothing is sealed, and ``waiting_to_sign`` says so until ``sign`` is called
        again. Asked again once signed (Retry signing pressed as the server's answer comes
        back, which signs too), it leaves the session as it is."""
        if self.session.is_sealed:
            return
        self.flush()  # what was typed last is stored before anything is sealed
        if self.writing:  # signed once the writes asked before have ended
            missing = readiness(self.session)
            if missing:
                raise NotReadyError(missing)
            self.signing_next = True
            return
        self._sign_now()

    def _sign_now(self) -> None:
        if self.session.is_sealed:  # signed meanwhile, by a sign asked while a write ended
            return
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
        if self.waiting_for_server:  # said until the seal's write finds the server answering
            self._tell()
        else:
            self._set_failure(None)
        # The clinic key is the writer's store's (the window's own opens only for reading);
        # then built and signed where ``run`` works (off the window's thread).
        self.writer.submit(lambda store: store.keys, self._build_signed)

    def _build_signed(self, keys: object) -> None:
        if isinstance(keys, Exception):  # the store could not be opened to find the key
            self._store_sealed(keys)
            return
        key = cast("Keyring", keys)
        self.run(
            lambda: self.sign_pdf(
                self.make_pdf(self.session, self.clinic),
                key.identity(),
                self.clinic.timestamp_url,
            ),
            self._store_sealed,
        )

    def _store_sealed(self, pdf: object) -> None:
        """Store the sealed record with its PDF, after the writes asked before it; if the PDF
        could not be built, unseal the session, as it was before Sign, with the reason kept."""
        if isinstance(pdf, Exception):
            self.sealing = False
            self._unseal(pdf)
            return
        assert isinstance(pdf, bytes)
        self._seal_pdf = pdf
        self._write()

    def _sealed(self, error: Exception | None, kept_stored: int) -> None:
        """The seal's write ended. If storing failed, the session is unsealed, so Sign either
        completes fully or leaves everything as it was. A server lost while storing may have
        committed the seal before its answer was lost: the session then stays signed and
        ``retry`` asks the server which it was (stored once, or stored now), never unsealing
        what the server may hold signed."""
        self.sealing = False
        if error is None:
            self._stored_signed = True
            self._save_succeeded(kept_stored)
        elif isinstance(error, StoreUnavailable):
            self._set_failure(error)
        else:  # any failure (a full disk, a signature refused) must not half-sign
            self._unseal(error)

    def _unseal(self, error: Exception) -> None:
        self.signing_failure = error
        self.session.undo_seal()  # saves the unsealed draft, as any change does
        self._set_failure(self.failure)  # listeners hear that signing ended

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
        pdf = self.store.write_pdf(self.session.id, path, overwrite=True)
        self.exported(pdf)

    def printed(self) -> None:
        self._note("pdf_printed", pdf_sha256=sha256_hex(self.pdf_bytes()))

    def exported(self, pdf: bytes) -> None:
        """Note in the trail that another copy (e.g. the bilingual one) left Counsel."""
        self._note("pdf_exported", pdf_sha256=sha256_hex(pdf))

    def _note(self, action: str, **detail: str | int | bool) -> None:
        """An audit entry about the signed record, written by the writer like any other."""
        self._entries.append((action, detail))
        self._write(draft=False)


def sha256_hex(data: bytes) -> str:
    import hashlib  # here, not at the top: the first screen paints without loading OpenSSL

    return hashlib.sha256(data).hexdigest()
