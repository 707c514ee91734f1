"""A banner across the top of the window while the record cannot be saved: what failed, that
nothing on screen is lost, and Retry. It stays until saving works again."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counsel.ui.save_status import SaveState, SaveStatus
from counsel.ui.widgets import card, describe, label


class FailureBanner(QWidget):
    def __init__(self, status: SaveStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("failureBanner")
        self.status = status
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
        status.changed.connect(self.show_state)
        self.show_state()

    def retry(self) -> None:
        if self.status.recorder is not None:
            self.status.recorder.retry()

    def show_state(self) -> None:
        recorder = self.status.recorder
        if self.status.state is not SaveState.FAILED or recorder is None:
            self.hide()
            return
        failure = recorder.failure
        reason = getattr(failure, "strerror", None) or str(failure)
        if recorder.session.is_sealed:
            text = self.tr(
                "The signed record could not be saved: %1. Free some space or "
                "check the records folder, then press Retry."
            )
        else:
            text = self.tr(
                "Changes are not being saved: %1. Nothing on screen is lost while "
                "Counsel stays open. Free some space or check the records folder, "
                "then press Retry."
            )
        self.message.setText(text.replace("%1", reason))
        self.show()
