"""The signature field: the pad with Undo, Clear and a friendly status line."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counsel.ink import Ink, InkProblem, ink_problem
from counsel.ui.signature_pad import SignaturePad


class SignatureField(QWidget):
    """The pad with Undo/Clear and a status line that explains a rejected signature.

    After a stroke, a problem is only reported once the signer pauses, so the first
    letter of a name is not scolded as "too small".
    """

    inkEdited = Signal()  # the signer drew, undid or cleared: to be kept by the owner

    def __init__(self, parent: QWidget | None = None, problem_delay_ms: int = 1200) -> None:
        super().__init__(parent)
        self.pad = SignaturePad(self)
        self._undo = QPushButton(self.tr("Undo"), self)
        self._undo.setObjectName("undoButton")
        self._clear = QPushButton(self.tr("Clear"), self)
        self._clear.setObjectName("clearButton")
        self._undo.setAccessibleDescription(self.tr("Removes the last line drawn (Ctrl+Z)"))
        self._clear.setAccessibleDescription(self.tr("Removes the whole signature to start again"))
        self._status = QLabel(self)
        self._status.setObjectName("signatureStatus")
        self._status.setWordWrap(True)
        self._read_only = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(problem_delay_ms)

        row = QHBoxLayout()
        row.addWidget(self._status, 1)
        row.addWidget(self._undo)
        row.addWidget(self._clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pad, 1)
        layout.addLayout(row)

        self._undo.clicked.connect(self.pad.undo)
        self._clear.clicked.connect(self.pad.clear)
        self.pad.inkChanged.connect(self._on_ink_changed)
        self.pad.inkEdited.connect(self.inkEdited)
        self.pad.strokeStarted.connect(self._pause.stop)
        self.pad.strokeFinished.connect(self._on_stroke_finished)
        self.pad.inkRefused.connect(self._on_ink_refused)
        self._pause.timeout.connect(self.check)
        self._update_buttons()

    def ink(self) -> Ink:
        return self.pad.ink()

    def check(self) -> bool:
        """Show what is wrong with the signature, if anything; True when it is acceptable."""
        self._pause.stop()
        problem = ink_problem(self.ink())
        self._status.setText(self._message(problem))
        return problem is None

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.pad.set_read_only(read_only)  # may finish a live stroke first
        self._pause.stop()
        self._update_buttons()

    def _message(self, problem: InkProblem | None) -> str:
        if problem is InkProblem.EMPTY:
            return self.tr("Please sign your name in the box above.")
        if problem is InkProblem.TOO_SMALL:
            return self.tr("Please sign your name — a dot or a tick is too small.")
        return ""

    def _on_ink_changed(self) -> None:
        self._update_buttons()
        if self._status.text():  # never leave a stale message up
            self.check()
        elif self.ink().is_empty:
            self._pause.stop()

    def _on_ink_refused(self) -> None:
        self._pause.stop()
        self._status.setText(
            self.tr(
                "That is more ink than a signature needs, so the last line "
                "was not kept. Press Clear and sign again."
            )
        )

    def _on_stroke_finished(self) -> None:
        if ink_problem(self.ink()) is not None and not self._status.text():
            self._pause.start()

    def _update_buttons(self) -> None:
        has_ink = not self.pad.ink().is_empty and not self._read_only
        self._undo.setEnabled(has_ink)
        self._clear.setEnabled(has_ink)
