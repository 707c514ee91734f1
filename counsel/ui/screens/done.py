"""``done``: the signed acknowledgement, previewed, saved where the user chooses, and printed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton

from counsel.core.atomic_file import write_bytes_atomically
from counsel.core.content import DoneScreen
from counsel.ui.screens.base import ScreenPage
from counsel.ui.widgets import label


class DonePage(ScreenPage):
    screen: DoneScreen

    def build(self) -> None:
        self.pdf_bytes: bytes | None = None
        self.status = label("", "heading")
        self.status.setObjectName("doneStatus")
        self.column.addWidget(self.status)
        self.column.addWidget(label(self.screen.text))
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setObjectName("savePdf")
        self.save_button.setProperty("role", "primary")
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printPdf")
        self.new_button = QPushButton(self.tr("Start a new session"))
        self.new_button.setObjectName("newSession")
        self.sign_link = QPushButton(self.tr("Go to signatures"))
        self.sign_link.setObjectName("goToSignatures")
        for button in (self.save_button, self.print_button, self.new_button, self.sign_link):
            row.addWidget(button)
        row.addStretch(1)
        self.column.addLayout(row)
        self.save_button.clicked.connect(self.save_with_dialog)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.new_button.clicked.connect(self.newSessionRequested)
        signatures = self.context.content.first_of_kind("signatures")
        self.sign_link.clicked.connect(
            lambda: self.jumpRequested.emit(signatures.id if signatures else "")
        )
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumHeight(520)
        self.column.addWidget(self.view)
        self._buffer = QBuffer(self)

    def refresh(self) -> None:
        sealed = self.session.is_sealed
        self.status.setText(
            self.tr("Signed. Here is the acknowledgement.")
            if sealed
            else self.tr("Not signed yet. The acknowledgement appears here after signing.")
        )
        for button in (self.save_button, self.print_button, self.new_button):
            button.setVisible(sealed)
        self.sign_link.setVisible(not sealed)
        self.view.setVisible(sealed)
        self.illustration.setVisible(not sealed and bool(self.screen.illustration))
        if sealed and self.pdf_bytes is None:
            self._make_pdf()

    def _make_pdf(self) -> None:
        from counsel.pdf.acknowledgement import build_acknowledgement

        self.pdf_bytes = build_acknowledgement(self.session, self.context.clinic)
        self._buffer.close()
        self._buffer.setData(QByteArray(self.pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def suggested_file_name(self) -> str:
        details = self.session.details
        name = "".join(ch if ch.isalnum() else "-" for ch in details.patient_name).strip("-")
        day = self.session.sealed_at.date().isoformat() if self.session.sealed_at else ""
        return f"MILD-acknowledgement-{name}-{day}.pdf"

    def save_to(self, path: Path) -> None:
        if self.pdf_bytes is None:
            raise RuntimeError("nothing to save before signing")
        write_bytes_atomically(path, self.pdf_bytes)

    def save_with_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the acknowledgement"), self.suggested_file_name(),
            self.tr("PDF documents (*.pdf)"),
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            self.save_to(Path(path))
        except OSError as error:
            QMessageBox.warning(
                self, self.tr("Could not save"),
                self.tr("The PDF was not saved: %1").replace("%1", error.strerror or str(error)),
            )

    def print_to(self, printer: QPrinter) -> None:
        """Draw every page at the printer's resolution, one printed page per PDF page."""
        painter = QPainter(printer)
        try:
            for index in range(self.document.pageCount()):
                if index:
                    printer.newPage()
                target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
                points = self.document.pagePointSize(index)
                scale = min(target.width() / points.width(), target.height() / points.height())
                size = QSize(round(points.width() * scale), round(points.height() * scale))
                image = self.document.render(index, size)
                painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
        finally:
            painter.end()

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)
