"""Offering to resume the session that was unfinished when Counsel last closed."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from counsel.core.record_query import RecordSummary
from counsel.core.store_errors import StoreUnavailable
from counsel.ui.main_window import MainWindow

if TYPE_CHECKING:
    from counsel.core.record_store import RecordStore


def offer_resume(window: MainWindow, store: RecordStore) -> None:
    """Ask whether to go on with the last unfinished session. Which one it is, is asked of the
    store on the reads' thread (a server that does not answer never holds the window up);
    the question comes once it is known.

    Declining keeps the draft: it stays in the records list and can be resumed or deleted there.
    """
    from counsel.ui.records_model import StoreReads

    def unfinished(reader: RecordStore) -> RecordSummary | None:
        record_id = reader.unfinished()
        return None if record_id is None else reader.record(record_id)

    def found(result: object) -> None:
        reads.close()
        if isinstance(result, RecordSummary):
            ask_to_resume(window, result)
        elif isinstance(result, StoreUnavailable) and window.recorder is not None:
            window.recorder.server_unreachable(result)  # said in the banner; tried again
        elif isinstance(result, Exception):
            raise result

    reads = StoreReads(store)
    reads.submit(unfinished, found)


def ask_to_resume(window: MainWindow, summary: RecordSummary) -> bool:
    """Ask whether to go on with the unfinished session ``summary``; True if it was resumed."""
    if summary.id == window.session.id:  # the one on screen: typed already
        return False
    who = summary.patient_name or window.tr("a patient whose name was not entered yet")
    text = window.tr("An unfinished session was found: %1, started %2.\n\nGo on with it?")
    assert window.content.document is not None  # loaded content always has its words
    started = window.content.document.format_datetime(summary.started_at)
    text = text.replace("%1", who).replace("%2", started)
    if summary.content_sha256 != window.content.sha256:
        text += "\n\n" + window.tr(
            "Note: the wording of the screens has changed since it was started. "
            "Please go over the screens again before signing."
        )
    box = QMessageBox(QMessageBox.Icon.Question, window.tr("Resume session?"), text, parent=window)
    resume = box.addButton(window.tr("Resume"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(window.tr("Start a new session"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not resume:
        return False
    return resume_or_set_aside(window, summary.id)


def offer_resume_from_server(window: MainWindow, store: RecordStore) -> None:
    """At start-up with the records on the clinic's server: first store there the sessions
    kept on this computer while it could not be reached (they are then offered to resume
    like any draft), then offer to resume. Whether the server answers is asked on another
    thread first (``reconnect``), so one that does not never holds the window up; if it
    does not, the window's banner says so, and Counsel keeps trying: once the server
    answers, the sessions kept here are stored there (``SessionRecorder``), and the user
    told."""

    def answered(result: object) -> None:
        recorder = window.recorder
        assert recorder is not None
        if isinstance(result, StoreUnavailable):
            recorder.server_unreachable(result)
        elif isinstance(result, Exception):  # what no retry cures
            raise result
        else:  # stored by the window's writer, after any write under way
            recorder.store_kept_copies(lambda: offer_resume(window, store))

    window.saving.reconnect.ask(store.database, answered)


def resume_or_set_aside(window: MainWindow, record_id: str, parent: QWidget | None = None) -> bool:
    """Go on with a stored draft (at start-up or from the records list); True if resumed.

    A draft that cannot be read back is set aside with a message, never offered again, and
    the window keeps the session it had: the rest of the store is fine."""
    try:
        window.resume(record_id)
    except (ValueError, sqlite3.DatabaseError):
        window.store.set_aside(record_id)
        summary = window.store.record(record_id)
        who = summary.patient_name or window.tr("a patient whose name was not entered yet")
        QMessageBox.warning(
            parent or window,
            window.tr("Session could not be resumed"),
            window.tr(
                "The unfinished session of %1 could not be read back, so it has been set"
                " aside and will not be offered again. It stays in the records list, where"
                " it can be deleted."
            ).replace("%1", who),
        )
        return False
    return True
