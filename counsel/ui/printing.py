"""Printing a stored PDF without ever holding the window.

Where the system prints through CUPS (``lp``), the signed PDF itself is handed to it: vector
pages, the record's own paper size, a few hundred kilobytes, whatever the page count. "Print
to file" writes the stored PDF's own bytes. Only where neither is possible are pages drawn
for the printer, one at a time in a worker thread. Each job reports progress, can be
cancelled and says when it is done.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QProcess,
    QRectF,
    QSize,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

POLL_MS = 500
RENDER_DPI = 300  # pages drawn for a printer: sharp print at a tenth of 1200 dpi's memory


def _tr(text: str) -> str:
    """Every job's words in one translation context, whichever kind of job says them."""
    return QCoreApplication.translate("PrintJob", text)


JOB_ID = re.compile(r"request id is (\S+)")


@dataclass(frozen=True)
class PrintTarget:
    printer: str  # the system's name for the printer
    paper: QPageSize
    copies: int = 1
    file: str = ""  # "print to file": where the PDF goes instead


def target_of(printer: QPrinter) -> PrintTarget:
    """What the user chose in the print dialog."""
    return PrintTarget(
        printer.printerName(),
        printer.pageLayout().pageSize(),
        max(1, printer.copyCount()),
        printer.outputFileName(),
    )


class PrintJob(QObject):
    """One print job; ``progressed`` says what is happening, ``finished`` whether it printed."""

    progressed = Signal(str)
    finished = Signal(bool, str)

    def __init__(self, pdf: bytes, pages: int, target: PrintTarget, parent: QObject | None):
        super().__init__(parent)
        self.pdf, self.pages, self.target = pdf, pages, target
        self.done = False

    def start(self) -> None:
        raise NotImplementedError

    def cancel(self) -> None:
        self._finish(False, _tr("Printing was cancelled."))

    def _finish(self, ok: bool, message: str) -> None:
        if not self.done:
            self.done = True
            self.finished.emit(ok, message)

    def _pages_text(self) -> str:
        if self.pages == 1:
            return _tr("1 page")
        return _tr("%1 pages").replace("%1", str(self.pages))


class FileJob(PrintJob):
    """Print to file: the stored PDF, byte for byte."""

    def start(self) -> None:
        try:
            Path(self.target.file).write_bytes(self.pdf)
        except OSError as error:
            self._finish(
                False, _tr("The PDF was not saved: %1").replace("%1", error.strerror or str(error))
            )
            return
        self._finish(
            True,
            _tr("Saved %1 to %2.")
            .replace("%1", self._pages_text())
            .replace("%2", self.target.file),
        )


class CupsJob(PrintJob):
    """The PDF handed to CUPS with ``lp``; done when the job leaves the printer's queue."""

    job_id = ""  # the queue's name for the job, once CUPS has it

    def start(self) -> None:
        self._file = tempfile.NamedTemporaryFile(prefix="counsel-", suffix=".pdf")  # noqa: SIM115
        self._file.write(self.pdf)
        self._file.flush()
        media = self.target.paper.key() or "Letter"
        self._run(
            [
                "lp",
                "-d",
                self.target.printer,
                "-n",
                str(self.target.copies),
                "-o",
                f"media={media}",
                "-t",
                "Counsel",
                self._file.name,
            ],
            self._queued,
        )
        self.progressed.emit(
            _tr("Sending %1 to %2…")
            .replace("%1", self._pages_text())
            .replace("%2", self.target.printer)
        )

    def _run(self, command: list[str], then: object) -> None:
        self.process = QProcess(self)
        self.process.finished.connect(then)
        self.process.start(command[0], command[1:])

    def _queued(self) -> None:
        if self.done:
            return
        output = bytes(self.process.readAllStandardOutput().data()).decode(errors="replace")
        found = JOB_ID.search(output)
        if self.process.exitCode() != 0 or not found:
            error = bytes(self.process.readAllStandardError().data()).decode(errors="replace")
            self._finish(
                False,
                _tr("The printer did not accept the job: %1").replace(
                    "%1", error.strip() or output.strip()
                ),
            )
            return
        self.job_id = found.group(1)
        self.progressed.emit(
            _tr("Printing %1 on %2…")
            .replace("%1", self._pages_text())
            .replace("%2", self.target.printer)
        )
        self._poll()

    def _poll(self) -> None:
        if not self.done:
            self._run(["lpstat", "-W", "not-completed", "-o", self.target.printer], self._polled)

    def _polled(self) -> None:
        queue = bytes(self.process.readAllStandardOutput().data()).decode(errors="replace")
        if self.job_id in queue.split():
            QTimer.singleShot(POLL_MS, self, self._poll)
        else:
            self._file.close()
            self._finish(
                True,
                _tr("Printed %1 on %2.")
                .replace("%1", self._pages_text())
                .replace("%2", self.target.printer),
            )

    def cancel(self) -> None:
        if self.job_id:
            QProcess.startDetached("cancel", [self.job_id])
        elif self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.kill()
        super().cancel()


class PageRenderer(QThread):
    """Draws the PDF's pages for a printer that cannot take PDF, one page image at a time
    (memory stays at one page whatever the page count)."""

    pageDone = Signal(int)

    def __init__(self, pdf: bytes, printer: QPrinter) -> None:
        super().__init__()
        self.pdf, self.printer = pdf, printer

    def run(self) -> None:
        document = QPdfDocument()
        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(self.pdf)
            file.flush()
            document.load(file.name)
        painter = QPainter(self.printer)
        try:
            for index in range(document.pageCount()):
                if self.isInterruptionRequested():
                    self.printer.abort()
                    return
                if index:
                    self.printer.newPage()
                target = QRectF(self.printer.pageRect(QPrinter.Unit.DevicePixel))
                points = document.pagePointSize(index)
                scale = min(target.width() / points.width(), target.height() / points.height())
                size = QSize(round(points.width() * scale), round(points.height() * scale))
                painter.drawImage(
                    QRectF(0, 0, size.width(), size.height()), document.render(index, size)
                )
                self.pageDone.emit(index + 1)
        finally:
            painter.end()


class RenderedJob(PrintJob):
    """Pages drawn for the printer, where ``lp`` is missing: slower and softer than the PDF
    itself, so the message at the end says how to print better."""

    def start(self) -> None:
        if QPrinterInfo.printerInfo(self.target.printer).isNull():
            self._finish(
                False,
                _tr(
                    "There is no printer called %1 on this computer, and CUPS's lp command is"
                    " not installed. Use Save PDF and print the file from a computer with a"
                    " printer, or ask for the printer to be set up."
                ).replace("%1", self.target.printer or _tr("(none)")),
            )
            return
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setResolution(RENDER_DPI)
        self.printer.setPrinterName(self.target.printer)
        self.printer.setPageSize(self.target.paper)
        self.printer.setCopyCount(self.target.copies)
        self.worker = PageRenderer(self.pdf, self.printer)
        self.worker.pageDone.connect(
            lambda page: self.progressed.emit(
                _tr("Printing page %1 of %2…")
                .replace("%1", str(page))
                .replace("%2", str(self.pages))
            )
        )
        self.worker.finished.connect(self._rendered)
        self.worker.start()

    def _rendered(self) -> None:
        self._finish(
            True,
            _tr(
                "Printed %1 on %2, as pictures of the pages. For sharper, faster printing,"
                " install CUPS's lp command (the cups-client package)."
            )
            .replace("%1", self._pages_text())
            .replace("%2", self.target.printer),
        )

    def cancel(self) -> None:
        self.worker.requestInterruption()
        super().cancel()


def start_print(pdf: bytes, pages: int, target: PrintTarget, parent: QObject) -> PrintJob:
    """The job that suits ``target`` and this system, already started."""
    kind: type[PrintJob] = (
        FileJob if target.file else CupsJob if shutil.which("lp") else RenderedJob
    )
    job = kind(pdf, pages, target, parent)
    QTimer.singleShot(0, job, job.start)  # after the caller has connected to its signals
    return job
