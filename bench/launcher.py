"""Started in a fresh process by the benchmark: shows Counsel (or a bare window) once.

Runs as a script, like ``main.py``, and starts Counsel through ``counsel.cli.main``, so the
imports and the work before the first frame are exactly a user's. It only creates the
QApplication first (Counsel reuses it) to watch every widget's paint events from the start.

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

STARTED_AT = time.perf_counter()  # the interpreter is up; Qt is not loaded yet

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402 (after the clock is read)
from PySide6.QtWidgets import QApplication, QLabel, QWidget  # noqa: E402

# The size Counsel opens at: both windows then pay for the same pixel buffer.
WINDOW_SIZE = (1280, 820)


class FirstPaint(QObject):
    """Application-wide filter that reports once the first watched widget has painted."""

    def __init__(self, app: QApplication, is_watched: Callable[[QWidget], bool]) -> None:
        super().__init__(app)  # owned by the app, so it lives as long as the app
        self._app = app
        self._is_watched = is_watched

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and self._is_watched(watched)
        ):
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, report)  # runs once the rest of this frame is painted
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
        app.installEventFilter(FirstPaint(app, lambda widget: widget is window))
        window.resize(*WINDOW_SIZE)
        window.show()
        return app.exec()
    # Every screen page is named "screen-<id>" (counsel.ui.screens.base).
    app.installEventFilter(FirstPaint(app, lambda w: w.objectName().startswith("screen-")))
    from counsel.cli import main as counsel_main

    return counsel_main([])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
