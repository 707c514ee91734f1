"""A small window that follows a print job: what is happening, Cancel, and when it is done.

It does not block: the main window stays usable while the printer works."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QProgressBar, QVBoxLayout, QWidget

from counsel.ui.printing import PrintJob
from counsel.ui.widgets import label


class PrintProgress(QDialog):
    def __init__(self, job: PrintJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printProgress")
        self.setWindowTitle(self.tr("Printing"))
        self.job = job
        layout = QVBoxLayout(self)
        self.status = label(self.tr("Preparing to print…"))
        self.status.setObjectName("printStatus")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the printer says it is done
        self.bar.setTextVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self._cancel_or_close)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        job.progressed.connect(self.status.setText)
        job.finished.connect(self._finished)
        self.setModal(False)
        self.resize(460, self.sizeHint().height())

    def _cancel_or_close(self) -> None:
        if not self.job.done:
            self.job.cancel()
        self.close()

    def _finished(self, ok: bool, message: str) -> None:
        self.status.setText(message)
        self.status.setProperty("role", "good" if ok else "bad")
        self.status.style().polish(self.status)
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if ok else 0)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
