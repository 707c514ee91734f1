"""One stored record, read-only: the signed PDF exactly as stored, to reprint or export.

What the viewer shows is read before it opens (``open_record``, on the Records window's reads
thread), and what it writes afterwards (the audit entries of a reprint or a saved copy) goes
through that thread too: a server that does not answer never freezes the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counsel.core.audit_chain import sha256_hex
from counsel.core.export_guard import write_export
from counsel.core.record_query import RecordSummary
from counsel.core.record_store import Amendment, RecordStore
from counsel.core.store_errors import StoreUnavailable
from counsel.core.store_writer import StoreWriter
from counsel.ui.pdf_preview import PdfPreview
from counsel.ui.saving import record_file_name, save_pdf_with_dialog
from counsel.ui.widgets import label


@dataclass(frozen=True)
class OpenedRecord:
    """A signed record as the viewer shows it, and the records folder exports stay out of."""

    summary: RecordSummary
    amendments: list[Amendment]
    pdf: bytes
    data_folder: Path


def open_record(store: RecordStore, record_id: str) -> OpenedRecord:
    """Read what the viewer shows and note in the audit trail that it was opened."""
    opened = OpenedRecord(
        store.record(record_id),
        store.amendments(record_id),
        store.pdf_bytes(record_id),
        store.path.parent,
    )
    store.log(record_id, "record_opened")
    return opened


class RecordViewer(QDialog):
    def __init__(
        self, opened: OpenedRecord, writer: StoreWriter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordViewer")
        self.opened = opened
        self.writer = writer  # where its audit entries are written, in order
        self.record_id = opened.summary.id
        self.pdf = opened.pdf
        self.setWindowTitle(self.tr("Signed record: %1").replace("%1", opened.summary.patient_name))
        self.resize(900, 760)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "Signed record (read-only). Reprints are identical to the PDF that was signed."
                ),
                "muted",
            )
        )
        for note in opened.amendments:
            kind = self.tr("Withdrawn") if note.kind == "withdrawn" else self.tr("Correction")
            layout.addWidget(label(f"{kind}: {note.text} ({note.by})", "bad"))
        self.preview = PdfPreview()
        self.preview.set_pdf(self.pdf)
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        for name, text, slot in (
            ("reprint", self.tr("Print…"), self.reprint),
            ("exportPdf", self.tr("Save PDF…"), self.export_pdf),
            ("close", self.tr("Close"), self.accept),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)

    def reprint(self) -> None:
        if self.preview.print_with_dialog():
            self._log("pdf_printed")

    def export_pdf(self) -> None:
        summary = self.opened.summary
        name = record_file_name(
            summary.patient_name, summary.started_at.date(), summary.record_number
        )
        if save_pdf_with_dialog(self, name, self._write_pdf):  # which asks before replacing
            self._log("pdf_exported")

    def _write_pdf(self, path: Path) -> None:
        """The PDF as signed, as ``RecordStore.export_pdf`` writes it (its entry comes after)."""
        write_export(path, self.pdf, self.opened.data_folder, overwrite=True)

    def _log(self, action: str) -> None:
        """The entry is written on the writer's thread; the copy is made whether or not the
        store takes it now (a printed page cannot be taken back), and a failure is said."""
        record_id, digest = self.record_id, sha256_hex(self.pdf)
        self.writer.submit(
            lambda store: store.log(record_id, action, pdf_sha256=digest), self._logged
        )

    def _logged(self, result: object) -> None:
        if isinstance(result, Exception):
            why = (
                self.tr("the records server cannot be reached.")
                if isinstance(result, StoreUnavailable)
                else str(result)
            )
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("This copy could not be noted in the audit trail: %1").replace("%1", why),
            )
