"""Checking the records with a progress bar, on a thread of its own, so the window never freezes.

A full check of years of records takes a while (each sealed PDF is read and hashed), and a
step of pyHanko's full validation takes a few PDFs' worth of 11 ms each: more than the window
may wait between two paints. So the check runs on a ``QThread`` and reports each step as a
signal; Cancel asks it to stop after the step it is on. Only the checkpoint a check that found
everything intact leaves is written here, on the window's thread, which owns the store's
connection.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from counsel.core.audit_chain import VerifyReport
from counsel.core.store_verify import Verification


class _Checking(QThread):
    """Runs ``verification``'s checking steps, a signal a step, until done or interrupted."""

    stepped = Signal(int)

    def __init__(self, verification: Verification) -> None:
        super().__init__()
        self.verification = verification

    def run(self) -> None:
        steps = self.verification.checking()
        try:
            for done in steps:
                if self.isInterruptionRequested():
                    return
                self.stepped.emit(done)
        finally:
            steps.close()  # cancelled: nothing more is read; closes the reading connection


class VerifyProgress(QDialog):
    """Runs ``verification`` while shown; ``verified`` carries its report, unless cancelled."""

    verified = Signal(VerifyReport)  # not "done": that is QDialog.done()

    def __init__(self, verification: Verification, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyProgress")
        self.setWindowTitle(self.tr("Verifying records"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.verification = verification
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._what(verification)))
        self.bar = QProgressBar()
        self.bar.setObjectName("verifyBar")
        self.bar.setAccessibleName(self.tr("Progress of the check"))
        self.bar.setRange(0, max(verification.total, 1))
        self.bar.setValue(0)  # while the first records are read (and pyHanko loads)
        layout.addWidget(self.bar)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelVerify")
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self._cancelled = False  # the thread's own flag reads False once it has ended
        self._checking = _Checking(verification)
        self._checking.stepped.connect(self._stepped)
        self._checking.finished.connect(self._finished)
        self.rejected.connect(self._stop)

    def _what(self, verification: Verification) -> str:
        if verification.pdf_validation:
            return self.tr("Checking every signed record and audit entry, and each PDF in full…")
        if verification.full:
            return self.tr("Checking every signed record and audit entry…")
        return self.tr("Checking what was added since the last check…")

    def start(self) -> None:
        self.open()
        self._checking.start()

    @property
    def running(self) -> bool:
        return self._checking.isRunning()

    def _stepped(self, done: int) -> None:
        if not self._cancelled:  # a step sent just before Cancel
            self.bar.setValue(done)

    def _finished(self) -> None:
        report = self.verification.report
        if self._cancelled or report is None:
            return
        self.verification.remember()
        self.accept()
        assert self.verification.report is not None
        self.verified.emit(self.verification.report)

    def _stop(self) -> None:
        """Cancelled: nothing more is read, and nothing is remembered as checked. Waits for
        the step under way (a few records) so the check's connection closes now."""
        self._cancelled = True
        self._checking.requestInterruption()
        self._checking.wait()
