"""A stored PDF shown page by page, and printed exactly as stored."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSizeF
from PySide6.QtGui import QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from counsel.ui.print_progress import PrintProgress
from counsel.ui.printing import PrintJob, PrintTarget, start_print, target_of


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Preview of the signed acknowledgement"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._buffer = QBuffer(self)
        self.data = b""
        self.job: PrintJob | None = None

    def set_pdf(self, data: bytes) -> None:
        self.document.close()
        self._buffer.close()
        self.data = data
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def page_count(self) -> int:
        return self.document.pageCount()

    def paper(self) -> QPageSize:
        """The record's own paper size (Letter, A4), read from its first page."""
        points: QSizeF = self.document.pagePointSize(0)
        return QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)

    def print_with_dialog(self) -> bool:
        """Ask for a printer, then print in the background; True when a job was started."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(self.paper())
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self.print_to(replace(target_of(printer), paper=self.paper()))
        return True

    def print_to(self, target: PrintTarget) -> PrintJob:
        """Start printing on ``target``, followed in a small window that does not block."""
        self.job = start_print(self.data, self.page_count(), target, self)
        PrintProgress(self.job, self).show()
        return self.job
