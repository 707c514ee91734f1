"""Checking the records with a progress bar, a step at a time, so the window never freezes.

A full check of years of records takes a while (each sealed PDF is read and hashed). It runs
in slices of about 20 ms on the interface's own thread, between which the window paints and
the Cancel button works; the check holds one record at a time, so no thread is needed.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from counsel.core.audit_chain import VerifyReport
from counsel.core.store_verify import Verification

SLICE_S = 0.02  # work between two chances to paint and to press Cancel


class VerifyProgress(QDialog):
    """Runs ``verification`` while shown; ``verified`` carries its report, unless cancelled."""

    verified = Signal(VerifyReport)  # not "done": that is QDialog.done()

    def __init__(self, verification: Verification, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyProgress")
        self.setWindowTitle(self.tr("Verifying records"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.verification = verification
        self._steps = verification.steps()
        layout = QVBoxLayout(self)
        what = (
            self.tr("Checking every signed record and audit entry…")
            if verification.full
            else self.tr("Checking what was added since the last check…")
        )
        layout.addWidget(QLabel(what))
        self.bar = QProgressBar()
        self.bar.setObjectName("verifyBar")
        self.bar.setAccessibleName(self.tr("Progress of the check"))
        self.bar.setRange(0, max(verification.total, 1))
        layout.addWidget(self.bar)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelVerify")
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._work)
        self.rejected.connect(self._stop)

    def start(self) -> None:
        self.open()
        self._timer.start(0)

    def _work(self) -> None:
        deadline = time.monotonic() + SLICE_S
        try:
            while True:  # at least one step a slice
                self.bar.setValue(next(self._steps))
                if time.monotonic() >= deadline:
                    return
        except StopIteration:
            self._timer.stop()
            self.accept()
            assert self.verification.report is not None
            self.verified.emit(self.verification.report)

    def _stop(self) -> None:
        """Cancelled: nothing more is read, and nothing is remembered as checked."""
        self._timer.stop()
        self._steps.close()
        self.verification.close()
