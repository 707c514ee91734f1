"""Started in a fresh process by the benchmark: shows Counsel (or a bare window) once.

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
from typing import Any

STARTED_AT = time.perf_counter()  # the interpreter is up; Qt is not loaded yet

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402 (after the clock is read)
from PySide6.QtWidgets import QApplication, QLabel, QWidget  # noqa: E402

# The size Counsel opens at: both windows then pay for the same pixel buffer.
WINDOW_SIZE = (1280, 820)


class FirstFrame(QObject):
    """Watches one top-level window's native window (not every event of the application,
    which would slow a window of many widgets more than a bare one): once it is exposed,
    its first frame is painted in that same event, and the report follows."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        window.winId()  # the native window, made now for the bare window and Counsel alike
        self._handle = window.windowHandle()
        self._handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and self._handle.isExposed():
            self._handle.removeEventFilter(self)
            QTimer.singleShot(0, report)  # runs once this frame is painted and flushed
        return False


def peak_rss_kb() -> int:
    """VmHWM: the most resident memory this process has had so far."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1])


def report() -> None:
    spawned_at = float(os.environ["BENCH_SPAWNED_AT"])
    painted_ms = (time.perf_counter() - spawned_at) * 1000
    figures = {
        "painted_ms": painted_ms,
        "interpreter_ms": (STARTED_AT - spawned_at) * 1000,
        "peak_rss_kb": peak_rss_kb(),
        "modules": sorted(sys.modules),
    }
    print("painted", json.dumps(figures), flush=True)
    QApplication.quit()


def main(kind: str) -> int:
    app = QApplication(sys.argv[:1])
    if kind == "bare":
        window = QLabel("Counsel")
        window.resize(*WINDOW_SIZE)
        FirstFrame(window)
        window.show()
        return app.exec()
    import counsel.ui.app as counsel_app
    from counsel.cli import main as counsel_main

    create = counsel_app.create_main_window

    def create_watched(*args: Any) -> Any:
        window = create(*args)
        window.resize(*WINDOW_SIZE)  # the same pixel buffer as the bare window
        FirstFrame(window)
        return window

    counsel_app.create_main_window = create_watched  # type: ignore[assignment]
    return counsel_main([])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
