"""Printing hands the signed PDF itself to the printer, in the background, at the record's
paper size; it can be cancelled and says when it is done. Through a real CUPS and cups-pdf."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QLabel

from counsel.core.demo import demo_session
from counsel.ui import printing
from counsel.ui.printing import CupsJob, PrintTarget, RenderedJob

PRINTER = "Counsel-PDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


def cups_running() -> bool:
    return subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout.startswith(
        "scheduler is running"
    )


@pytest.fixture(scope="module")
def pdf_printer() -> Path:
    """The cups-pdf printer (cupsd started if needed); where its PDFs land."""
    if not (shutil.which("cupsd") and shutil.which("lp") and PPD.exists()):
        if os.environ.get("CI"):
            pytest.fail("CUPS and cups-pdf must be installed in CI (see .ci/run)")
        pytest.skip("CUPS with cups-pdf is not installed")
    if not cups_running():
        subprocess.run(["cupsd"], check=True)
        deadline = time.monotonic() + 10
        while not cups_running() and time.monotonic() < deadline:
            time.sleep(0.2)
    subprocess.run(
        ["lpadmin", "-p", PRINTER, "-E", "-v", "cups-pdf:/", "-P", str(PPD)],
        check=True,
        capture_output=True,
    )
    subprocess.run(["cupsenable", PRINTER], check=True)
    return Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"


@pytest.fixture
def done_page(qtbot, open_window, content):
    window = open_window(lambda: demo_session(content))
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=20000)
    window.go_to(len(content.screens) - 1)
    return window.current_page()


def letter() -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter)


def test_the_printer_gets_the_signed_pdf_itself_and_says_when_done(
    qtbot, done_page, pdf_printer
) -> None:
    before = set(pdf_printer.glob("*.pdf")) if pdf_printer.exists() else set()
    job = done_page.preview.print_to(PrintTarget(PRINTER, letter()))
    assert not job.done, "printing goes on while the window is free"
    with qtbot.waitSignal(job.finished, timeout=60000) as finished:
        pass
    assert isinstance(job, CupsJob) and finished.args[0] is True
    assert job.pdf == done_page.context.recorder.pdf_bytes()  # vector PDF, not page images
    status = done_page.preview.findChild(QLabel, "printStatus")
    assert "Printed" in status.text() and PRINTER in status.text()
    qtbot.waitUntil(lambda: bool(set(pdf_printer.glob("*.pdf")) - before), timeout=20000)
    printed = PdfReader(
        max(set(pdf_printer.glob("*.pdf")) - before, key=lambda p: p.stat().st_mtime)
    )
    text = "".join(page.extract_text() for page in printed.pages)
    assert done_page.session.details.record_number in text  # (cups-pdf loses some accents)
    assert done_page.context.content.title in text
    width, height = (float(v) for v in printed.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (612, 792), "the record's Letter paper"
    assert len(printed.pages) == done_page.preview.page_count()


def read_when_written(qtbot, folder: Path, before: set[Path]) -> PdfReader:
    """The newest PDF the printer wrote into ``folder``, once it is complete."""
    read: list[PdfReader] = []

    def complete() -> bool:
        for path in sorted(set(folder.glob("*.pdf")) - before, key=lambda p: p.stat().st_mtime):
            try:
                read[:] = [PdfReader(path)]
                return len(read[0].pages) > 0
            except Exception:  # still being written
                return False
        return False

    qtbot.waitUntil(complete, timeout=60000)
    return read[0]


def test_a_queued_job_can_be_cancelled(qtbot, done_page, pdf_printer) -> None:
    subprocess.run(["cupsdisable", PRINTER], check=True)  # the printer holds the job
    try:
        job = done_page.preview.print_to(PrintTarget(PRINTER, letter()))
        qtbot.waitUntil(lambda: bool(job.job_id), timeout=20000)
        with qtbot.waitSignal(job.finished) as finished:
            job.cancel()
        assert finished.args[0] is False

        def queue() -> str:
            return subprocess.run(["lpstat", "-o", PRINTER], capture_output=True, text=True).stdout

        qtbot.waitUntil(lambda: job.job_id not in queue(), timeout=10000)
    finally:
        subprocess.run(["cupsenable", PRINTER], check=True)


def test_print_to_file_writes_the_stored_pdf_byte_for_byte(qtbot, done_page, tmp_path) -> None:
    target = tmp_path / "printed.pdf"
    job = done_page.preview.print_to(PrintTarget("", letter(), file=str(target)))
    with qtbot.waitSignal(job.finished) as finished:
        pass
    assert finished.args[0] is True
    assert target.read_bytes() == done_page.context.recorder.pdf_bytes()
    assert done_page.preview.paper().id() == QPageSize.PageSizeId.Letter


@pytest.fixture
def without_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A system where CUPS runs but its ``lp`` command is not installed (no cups-client)."""
    tools = tmp_path / "bin-without-lp"
    tools.mkdir()
    for name in ("lpstat", "cancel"):  # everything else the job might call, but not lp
        if found := shutil.which(name):
            (tools / name).symlink_to(found)
    monkeypatch.setenv("PATH", str(tools))
    assert shutil.which("lp") is None


def test_without_lp_the_pages_still_print_and_the_window_says_how_to_print_better(
    qtbot, done_page, pdf_printer, without_lp, monkeypatch
) -> None:
    monkeypatch.setattr(printing, "RENDER_DPI", 75)  # every page, not how sharp, is the point
    before = set(pdf_printer.glob("*.pdf")) if pdf_printer.exists() else set()
    job = done_page.preview.print_to(PrintTarget(PRINTER, letter()))
    assert isinstance(job, RenderedJob)
    with qtbot.waitSignal(job.finished, timeout=120000) as finished:
        pass
    assert finished.args[0] is True, finished.args[1]
    status = done_page.preview.findChild(QLabel, "printStatus")
    assert "Printed" in status.text() and PRINTER in status.text()
    assert "lp" in status.text()  # what to install for the real PDF to be printed
    printed = read_when_written(qtbot, pdf_printer, before)
    assert len(printed.pages) == done_page.preview.page_count()
    width, height = (float(v) for v in printed.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (612, 792), "the record's Letter paper"


def test_without_lp_or_a_printer_the_window_says_what_to_do(qtbot, done_page, without_lp) -> None:
    job = done_page.preview.print_to(PrintTarget("No-Such-Printer", letter()))
    with qtbot.waitSignal(job.finished, timeout=60000) as finished:
        pass
    assert finished.args[0] is False
    status = done_page.preview.findChild(QLabel, "printStatus")
    assert "No-Such-Printer" in status.text()
    assert "Save PDF" in status.text()  # the way to get it printed from here
