"""Keeps the record store in step with a live session.

Every change is saved as it happens (so a crash or a closed window loses nothing), what the
clinician and patient did is added to the audit trail, and signing (``sign``, the one way to
sign) seals the session and stores it with its PDF. Qt-free: the interface only creates one
per session, and hands it the PDF builder (the core sits below the PDF layer and never
imports it) and where to sign the PDF (its PDF worker process, where pyHanko loads).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from counsel.core.content import ClinicSettings
from counsel.core.record_status import IN_PROGRESS, RecordNotFoundError
from counsel.core.session import ScreenVisit, Session

if TYPE_CHECKING:
    from counsel.core.clinic_key import ClinicIdentity
    from counsel.core.clinic_signature import SignedPdf
    from counsel.core.record_store import RecordStore

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
        sign_pdf: PdfSigner = sign_here,
    ) -> None:
        self.store = store
        self.session = session
        self.clinic = clinic
        self.make_pdf = make_pdf
        self.run = run
        self.sign_pdf = sign_pdf
        self.sealing = False  # the signed record's PDF is being built and stored
        self.failure: Exception | None = None  # the last save or seal that failed, until retried
        #: Why the last signing did not finish (the session is then unsealed, as before Sign).
        self.signing_failure: Exception | None = None
        self._status_listeners: list[StatusListener] = []
        self._saved = False  # a blank session is stored once something is entered
        self._visits: dict[str, ScreenVisit] = dict(session.visits)
        self._attempts = {question: len(tries) for question, tries in session.quiz.items()}
        self._decisions = _flat(session.decisions)
        self._unsubscribe = session.subscribe(self._changed)
        if session.is_sealed and self._stored_status() in (None, IN_PROGRESS):
            self._store_signed()  # signed, not stored signed yet (the app stopped in between)

    def close(self) -> None:
        self._unsubscribe()

    def watch(self, listener: StatusListener) -> None:
        """Call ``listener()`` whenever saving starts failing or works again."""
        self._status_listeners.append(listener)

    def _set_failure(self, failure: Exception | None) -> None:
        self.failure = failure
        for listener in list(self._status_listeners):
            listener()

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
        self._save(what)

    def _save(self, what: str) -> None:
        """Store the draft; a failure (a full disk) is kept and reported, never raised into
        the session's listeners, so the screens go on working and nothing typed is dropped."""
        import sqlite3  # loaded with the store, not at start-up

        try:
            self.store.save_draft(self.session)
            self._saved = True
            if what in ("visits", "content"):  # a language change shows the screen again
                self._log_visits()
            elif what == "quiz":
                self._log_quiz()
            elif what == "decisions":
                self._log_decisions()
        except (OSError, sqlite3.Error) as error:
            self._set_failure(error)
            return
        if self.failure is not None:
            self._set_failure(None)

    def _log_visits(self) -> None:
        for screen_id, visit in self.session.visits.items():
            before = self._visits.get(screen_id)
            if before is None or (before.last_viewed, before.languages) != (
                visit.last_viewed,
                visit.languages,
            ):
                self.store.log(
                    self.session.id,
                    "screen_viewed",
                    screen=screen_id,
                    language=self.session.content.language,
                )
            if (before.discussed_at if before else None) != visit.discussed_at:
                discussed = visit.discussed_at is not None
                self.store.log(self.session.id, "discussed", screen=screen_id, discussed=discussed)
        self._visits = dict(self.session.visits)

    def _log_quiz(self) -> None:
        for question, attempts in self.session.quiz.items():
            for attempt in attempts[self._attempts.get(question, 0) :]:
                self.store.log(
                    self.session.id,
                    "quiz_answered",
                    question=question,
                    choice=attempt.choice,
                    correct=attempt.correct,
                )
            self._attempts[question] = len(attempts)

    def _log_decisions(self) -> None:
        """Each rating, leaning or SURE answer that changed ("": cleared)."""
        now = _flat(self.session.decisions)
        for key in sorted(now.keys() | self._decisions.keys()):
            if now.get(key) != self._decisions.get(key):
                screen, item = key
                self.store.log(
                    self.session.id,
                    "decision_answered",
                    screen=screen,
                    item=item,
                    value=now.get(key, ""),
                )
        self._decisions = now

    def sign(self) -> None:
        """Seal the session, then store it signed with its PDF (built through ``run``).

        Refused with ``NotReadyError``, changing nothing, while anything required is missing.
        Otherwise it ends stored signed (``is_stored_signed``) or, when the PDF or storing
        failed, unsealed as before with the reason in ``signing_failure``; the status
        listeners hear when it ends. While the PDF is built, ``sealing`` is True (the screens
        that hear "sealed" show that it is under way)."""
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
        either completes fully or leaves everything as it was, with the reason kept."""
        self.sealing = False
        try:
            if isinstance(pdf, Exception):
                raise pdf
            assert isinstance(pdf, bytes)
            self.store.seal(self.session, pdf)
        except Exception as error:  # any failure (a PDF layout, a full disk) must not half-sign
            self.signing_failure = error
            self.session.undo_seal()  # saves the unsealed draft, as any change does
            self._set_failure(self.failure)  # listeners hear that signing ended
            return
        self._set_failure(None)

    def retry(self) -> bool:
        """Try the failed save or seal again; True once the record is stored."""
        if self.session.is_sealed:
            if self._stored_status() in (None, IN_PROGRESS):
                self._store_signed()
        else:
            self._save("retry")
        return self.failure is None

    @property
    def is_stored_signed(self) -> bool:
        return self.session.is_sealed and self._stored_status() not in (None, IN_PROGRESS)

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


def _flat(decisions: dict[str, dict[str, str]]) -> dict[tuple[str, str], str]:
    return {
        (screen, item): value
        for screen, answers in decisions.items()
        for item, value in answers.items()
    }
