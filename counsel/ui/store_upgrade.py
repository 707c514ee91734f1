"""Upgrading the records database at start-up, with its progress shown.

A new Counsel may add indexes or columns to the clinic's store; over years of records that
takes a while (about 20 s for 10,000). It runs on a worker thread with its own connection, so
the window keeps painting, and this dialog shows each step until the store is ready.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QProgressBar, QPushButton, QVBoxLayout, QWidget

from counsel.core.store_schema import StoreVersionError, open_database
from counsel.ui.widgets import label


class StoreUpgrade(QDialog):
    """Upgrades the database at ``path`` while shown; ``upgraded`` once it is ready to use."""

    stepped = Signal(int, int)
    upgraded = Signal()
    _finished = Signal(str)  # why it failed, or "" once done

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storeUpgrade")
        self.setWindowTitle(self.tr("Upgrading the records"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.path = path
        self.running = False
        layout = QVBoxLayout(self)
        self.status = label(
            self.tr(
                "This version of Counsel keeps the records in a faster form. Converting them"
                " happens once and can take a minute for years of records. Please wait."
            )
        )
        self.status.setObjectName("upgradeStatus")
        layout.addWidget(self.status)
        self.bar = QProgressBar()
        self.bar.setObjectName("upgradeBar")
        self.bar.setAccessibleName(self.tr("Progress of the upgrade"))
        self.bar.setRange(0, 0)  # busy until the first step is known
        layout.addWidget(self.bar)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeUpgrade")
        self.close_button.clicked.connect(self.reject)
        self.close_button.hide()
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.stepped.connect(self._show_step)
        self._finished.connect(self._show_end)
        self.resize(480, self.sizeHint().height())

    def start(self) -> None:
        self.running = True
        self.open()
        threading.Thread(target=self._upgrade, name="counsel-store-upgrade", daemon=True).start()

    def reject(self) -> None:
        if not self.running:  # the upgrade is one transaction: it finishes or fails whole
            super().reject()

    def _upgrade(self) -> None:
        """On the worker thread: signals carry the progress back to the window's thread."""
        try:
            open_database(self.path, on_upgrade=self.stepped.emit).close()
        except (sqlite3.Error, OSError, StoreVersionError) as error:
            self._finished.emit(str(error) or type(error).__name__)
            return
        self._finished.emit("")

    def _show_step(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def _show_end(self, reason: str) -> None:
        self.running = False
        if not reason:
            self.accept()
            self.upgraded.emit()
            return
        self.status.setText(
            self.tr("The records could not be upgraded; they are unchanged. %1").replace(
                "%1", reason
            )
        )
        self.status.setProperty("role", "bad")
        self.status.style().polish(self.status)
        self.bar.setRange(0, 1)
        self.close_button.show()
