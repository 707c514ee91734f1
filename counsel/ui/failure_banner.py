"""A banner across the top of the window while the record cannot be saved: what failed, that
nothing on screen is lost, and Retry. It stays until saving works again.

When it is the clinic's records server that cannot be reached, Counsel also tries again by
itself (``reconnect.Reconnect``: the session is kept on this computer meanwhile), and says so
once the server has the session again, and any other sessions kept here meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counsel.core.store_errors import StoreUnavailable
from counsel.ui.save_status import SaveState, SaveStatus
from counsel.ui.widgets import card, describe, label, restyle

BACK_SHOWN_MS = 15_000  # how long "the server answers again" stays


class FailureBanner(QWidget):
    def __init__(self, status: SaveStatus, server: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("failureBanner")
        self.status = status
        self.server = server  # the records server's host name; "" for this computer
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 8, 16, 0)
        frame, layout = card("notice")
        outer.addWidget(frame)
        row = QHBoxLayout()
        layout.addLayout(row)
        self.message = label("", "bad")
        self.message.setObjectName("failureMessage")
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retrySave")
        describe(self.retry_button, self.tr("Tries again to save the record"))
        self.retry_button.clicked.connect(self.retry)
        row.addWidget(self.message, 1)
        row.addWidget(self.retry_button)
        self.back_shown = QTimer(self)
        self.back_shown.setSingleShot(True)
        self.back_shown.setInterval(BACK_SHOWN_MS)
        self.back_shown.timeout.connect(self.hide)
        status.changed.connect(self.show_state)
        self.show_state()

    def retry(self) -> None:
        """The server is asked on another thread first; a failing disk is tried here."""
        recorder = self.status.recorder
        if recorder is not None and recorder.waiting_for_server:
            self.status.reconnect.now()
        elif recorder is not None:
            recorder.retry()

    def show_state(self) -> None:
        recorder = self.status.recorder
        failed = self.status.state is SaveState.FAILED and recorder is not None
        failure = recorder.failure if failed and recorder is not None else None
        unreachable = isinstance(failure, StoreUnavailable)
        if failure is None:
            if recorder is not None and recorder.reconnected:
                recorder.reconnected = False  # told once
                self._show_back(recorder.kept_stored)
                recorder.kept_stored = 0
            elif not self.back_shown.isActive():
                self.hide()
            return
        self.back_shown.stop()
        self.retry_button.show()
        self._set_role("bad")
        reason = getattr(failure, "strerror", None) or str(failure)
        sealed = recorder is not None and recorder.session.is_sealed
        if unreachable:
            text = self.tr(
                "The clinic server (%1) cannot be reached. Keep going: everything entered is "
                "kept on this computer and stored on the server as soon as it answers. "
                "Counsel tries again by itself, or press Retry."
            ).replace("%1", self.server)
            self.message.setToolTip(reason)
        elif sealed:
            text = self.tr(
                "The signed record could not be saved: %1. Free some space or "
                "check the records folder, then press Retry."
            ).replace("%1", reason)
        else:
            text = self.tr(
                "Changes are not being saved: %1. Nothing on screen is lost while "
                "Counsel stays open. Free some space or check the records folder, "
                "then press Retry."
            ).replace("%1", reason)
        self.message.setText(text)
        self.show()

    def _show_back(self, kept: int) -> None:
        """The server answered again and holds everything entered (and ``kept`` other
        sessions kept on this computer meanwhile): said for a while."""
        self.retry_button.hide()
        self._set_role("good")
        self.message.setToolTip("")
        text = self.tr("The clinic server (%1) answers again: everything entered is stored there.")
        if kept == 1:
            text += " " + self.tr("So is one other session that was kept on this computer.")
        elif kept > 1:
            text += " " + self.tr(
                "So are %2 other sessions that were kept on this computer."
            ).replace("%2", str(kept))
        self.message.setText(text.replace("%1", self.server))
        self.show()
        self.back_shown.start()

    def _set_role(self, role: str) -> None:
        self.message.setProperty("role", role)
        restyle(self.message)
