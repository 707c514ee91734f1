"""Started in a fresh process by the benchmark: shows Counsel (or a bare window) once; with
``visit``, Counsel then goes through a whole visit (see ``visit``) before it reports.

Runs as a script, like ``main.py``, and starts Counsel through ``counsel.cli.main``, so the
imports and the work before the first frame are exactly a user's. It only creates the
QApplication first (Counsel reuses it) and watches the main window's first frame.

The parent passes its clock at spawn in ``BENCH_SPAWNED_AT``: ``time.perf_counter`` is the
system-wide monotonic clock on Linux, so both processes read the same clock. Once the first
screen has finished its first frame, one line ``painted {json}`` is printed and the app quits.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

STARTED_AT = time.perf_counter()  # the interpreter is up; Qt is not loaded yet

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402 (after the clock is read)
from PySide6.QtWidgets import QApplication, QLabel, QWidget  # noqa: E402

# The size Counsel opens at: both windows then pay for the same pixel buffer.
WINDOW_SIZE = (1280, 820)
VISIT_PAUSE_MS = 50  # each screen is painted before the next
PREVIEW_RENDER_MS = 1500
TIMEOUT_S = 60


class FirstFrame(QObject):
    """Watches one top-level window's native window (not every event of the application,
    which would slow a window of many widgets more than a bare one): once it is exposed,
    its first frame is painted in that same event, and the report follows."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.winId()  # the native window, made now for the bare window and Counsel alike
        self._handle = window.windowHandle()
        self._handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and self._handle.isExposed():
            self._handle.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # runs once this frame is painted and flushed
        return False


def peak_rss_kb(process: str = "self") -> int:
    """VmHWM: the most resident memory the process has had so far."""
    with open(f"/proc/{process}/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1])


def pdf_worker_peak_kb() -> int:
    """The PDF worker process's peak (0 if none was started), reported beside the window's:
    it holds the PDF libraries instead of the window (see ``counsel/pdf/worker.py``)."""
    background = sys.modules.get("counsel.ui.background")
    worker = getattr(background, "_pdf_worker", None)  # asking for it would start one
    pid = worker.pid if worker is not None else None
    return peak_rss_kb(str(pid)) if pid is not None else 0


def report() -> None:
    spawned_at = float(os.environ["BENCH_SPAWNED_AT"])
    painted_ms = (time.perf_counter() - spawned_at) * 1000
    modules = sorted(sys.modules)  # as the window painted, before anything here imports
    figures = {
        "painted_ms": painted_ms,
        "interpreter_ms": (STARTED_AT - spawned_at) * 1000,
        "peak_rss_kb": peak_rss_kb(),
        "pdf_worker_peak_kb": pdf_worker_peak_kb(),
        "modules": modules,
    }
    print("painted", json.dumps(figures), flush=True)
    QApplication.quit()


def visit_after_resume_offer(window: Any) -> None:
    """The offer to resume unfinished work comes just after the first paint; the visit starts
    after it, with nothing stored yet to resume, as in a clinic's first visit."""
    from counsel.ui.app import RESUME_OFFER_DELAY_MS

    QTimer.singleShot(2 * RESUME_OFFER_DELAY_MS, lambda: visit(window))


def visit(window: Any) -> None:
    """A whole visit after the first paint: every screen shown, the session signed, the
    signed PDF previewed on the Done screen, then back to the first screen; then report.

    The demo session (every answer, question and signature given) stands in for the typing,
    so the memory is that of every screen built, the PDF built and its pages rendered."""
    from PySide6.QtTest import QTest

    from counsel.core.demo import demo_session

    window.start(demo_session(window.content, seal=False))
    for index in range(len(window.content.screens)):
        window.go_to(index)
        QTest.qWait(VISIT_PAUSE_MS)
    window.recorder.sign()  # what Sign and finish does once confirmed
    deadline = time.monotonic() + TIMEOUT_S
    while not window.recorder.is_stored_signed and time.monotonic() < deadline:
        QTest.qWait(VISIT_PAUSE_MS)
    done = window.content.first_of_kind("done")
    window.go_to(window.content.index_of(done.id))
    QTest.qWait(PREVIEW_RENDER_MS)  # the preview renders its pages in the background
    window.go_to(0)
    QTest.qWait(VISIT_PAUSE_MS)
    report()


def main(kind: str) -> int:
    app = QApplication(sys.argv[:1])
    if kind == "bare":
        window = QLabel("Counsel")
        window.resize(*WINDOW_SIZE)
        FirstFrame(window, report)
        window.show()
        return app.exec()
    import counsel.ui.app as counsel_app
    from counsel.cli import main as counsel_main

    create = counsel_app.create_main_window

    def create_watched(*args: Any) -> Any:
        window = create(*args)
        window.resize(*WINDOW_SIZE)  # the same pixel buffer as the bare window
        FirstFrame(
            window, (lambda: visit_after_resume_offer(window)) if kind == "visit" else report
        )
        return window

    counsel_app.create_main_window = create_watched  # type: ignore[assignment]
    return counsel_main([])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
