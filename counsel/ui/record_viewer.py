"""One stored record, read-only: the signed PDF exactly as stored, to reprint or export."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counsel.core.audit_chain import sha256_hex
from counsel.core.record_store import RecordStore
from counsel.ui.pdf_preview import PdfPreview
from counsel.ui.saving import record_file_name, save_pdf_with_dialog
from counsel.ui.widgets import label


class RecordViewer(QDialog):
    def __init__(self, store: RecordStore, record_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordViewer")
        self.store = store
        self.record_id = record_id
        summary = store.record(record_id)
        self.setWindowTitle(self.tr("Signed record: %1").replace("%1", summary.patient_name))
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
        for note in store.amendments(record_id):
            kind = self.tr("Withdrawn") if note.kind == "withdrawn" else self.tr("Correction")
            layout.addWidget(label(f"{kind}: {note.text} ({note.by})", "bad"))
        self.preview = PdfPreview()
        self.pdf = store.pdf_bytes(record_id)
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
        store.log(record_id, "record_opened")

    def reprint(self) -> None:
        if self.preview.print_with_dialog():
            self.store.log(self.record_id, "pdf_printed", pdf_sha256=sha256_hex(self.pdf))

    def export_pdf(self) -> None:
        summary = self.store.record(self.record_id)
        name = record_file_name(
            summary.patient_name, summary.started_at.date(), summary.record_number
        )
        save_pdf_with_dialog(  # which asks before replacing a file
            self, name, lambda path: self.store.export_pdf(self.record_id, path, overwrite=True)
        )
