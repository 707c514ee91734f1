"""Keeps the record store in step with a live session.

Every change is saved as it happens (so a crash or a closed window loses nothing), what the
clinician and patient did is added to the audit trail, and signing stores the sealed record
with its PDF. Qt-free: the interface only creates one per session.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from counsel.core.content import ClinicSettings
from counsel.core.record_status import IN_PROGRESS, RecordNotFoundError
from counsel.core.session import ScreenVisit, Session

if TYPE_CHECKING:
    from counsel.core.record_store import RecordStore

PdfMaker = Callable[[Session, ClinicSettings], bytes]


def _build_pdf(session: Session, clinic: ClinicSettings) -> bytes:
    from counsel.pdf.acknowledgement import build_acknowledgement  # not needed at start-up

    return build_acknowledgement(session, clinic)


class SessionRecorder:
    def __init__(
        self,
        store: RecordStore,
        session: Session,
        clinic: ClinicSettings,
        make_pdf: PdfMaker = _build_pdf,
    ) -> None:
        self.store = store
        self.session = session
        self.clinic = clinic
        self.make_pdf = make_pdf
        self.failure: Exception | None = None
        self._saved = False  # a blank session is stored once something is entered
        self._visits: dict[str, ScreenVisit] = dict(session.visits)
        self._attempts = {question: len(tries) for question, tries in session.quiz.items()}
        self._decisions = _flat(session.decisions)
        self._unsubscribe = session.subscribe(self._changed)
        if session.is_sealed and self._stored_status() in (None, IN_PROGRESS):
            self._seal()  # signed, but not stored signed yet (e.g. the app stopped in between)

    def close(self) -> None:
        self._unsubscribe()

    def _stored_status(self) -> str | None:
        try:
            return self.store.record(self.session.id).status
        except RecordNotFoundError:
            return None

    def _changed(self, what: str) -> None:
        if what == "sealed":
            self._seal()
            return
        if self.session.is_blank and not self._saved:
            return  # opening the app and looking around is not worth a record
        self.store.save_draft(self.session)
        self._saved = True
        if what == "visits":
            self._log_visits()
        elif what == "quiz":
            self._log_quiz()
        elif what == "decisions":
            self._log_decisions()

    def _log_visits(self) -> None:
        for screen_id, visit in self.session.visits.items():
            before = self._visits.get(screen_id)
            if before is None or before.last_viewed != visit.last_viewed:
                self.store.log(self.session.id, "screen_viewed", screen=screen_id)
            if (before.discussed_at if before else None) != visit.discussed_at:
                discussed = visit.discussed_at is not None
                self.store.log(self.session.id, "discussed", screen=screen_id, discussed=discussed)
        self._visits = dict(self.session.visits)

    def _log_quiz(self) -> None:
        for question, attempts in self.session.quiz.items():
            for attempt in attempts[self._attempts.get(question, 0):]:
                self.store.log(self.session.id, "quiz_answered", question=question,
                               choice=attempt.choice, correct=attempt.correct)
            self._attempts[question] = len(attempts)

    def _log_decisions(self) -> None:
        """Each rating, leaning or SURE answer that changed ("": cleared)."""
        now = _flat(self.session.decisions)
        for key in sorted(now.keys() | self._decisions.keys()):
            if now.get(key) != self._decisions.get(key):
                screen, item = key
                self.store.log(self.session.id, "decision_answered", screen=screen, item=item,
                               value=now.get(key, ""))
        self._decisions = now

    def _seal(self) -> None:
        """Store the signed record with its PDF; a failure is kept for the interface to show."""
        import sqlite3  # loaded with the store, not at start-up

        try:
            self.store.seal(self.session, self.make_pdf(self.session, self.clinic))
            self.failure = None
        except (OSError, sqlite3.Error) as error:
            self.failure = error

    def retry_seal(self) -> bool:
        if self.session.is_sealed and self._stored_status() in (None, IN_PROGRESS):
            self._seal()
        return self.failure is None

    @property
    def is_stored_signed(self) -> bool:
        return self.session.is_sealed and self._stored_status() not in (None, IN_PROGRESS)

    def pdf_bytes(self) -> bytes:
        """The PDF exactly as stored when it was signed."""
        return self.store.pdf_bytes(self.session.id)

    def export_pdf(self, path: Path) -> None:
        self.store.export_pdf(self.session.id, path)

    def printed(self) -> None:
        digest = hashlib.sha256(self.pdf_bytes()).hexdigest()
        self.store.log(self.session.id, "pdf_printed", pdf_sha256=digest)

    def exported(self, pdf: bytes) -> None:
        """Note in the trail that another copy (e.g. the bilingual one) left Counsel."""
        self.store.log(self.session.id, "pdf_exported", pdf_sha256=hashlib.sha256(pdf).hexdigest())


def _flat(decisions: dict[str, dict[str, str]]) -> dict[tuple[str, str], str]:
    return {(screen, item): value for screen, answers in decisions.items()
            for item, value in answers.items()}
