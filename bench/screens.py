"""Screen changes: from a Next press to the end of the next screen's first painted frame;
and text size changes, from an A+ or A− press to the screen repainted.

Runs in this process with the real main window, style and record store (in a temporary
folder). Each run opens a fresh window and walks the whole walkthrough twice: first visits
build each screen (screens are built lazily), second visits show screens already built. The
procedure's inner "Next step" presses count as screen changes too.
"""

from __future__ import annotations

import time
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from bench.stats import summary
from counsel.core.content import ClinicSettings, Content
from counsel.core.record_store import RecordStore
from counsel.ui.app import create_main_window, prepare_application
from counsel.ui.main_window import MainWindow

# Between presses, as nobody presses Next again within this time: late layout passes and
# work the app leaves for idle moments are done here, not counted towards the next press.
PAUSE_MS = 200
TIMEOUT_S = 10.0
VISITS = ("first", "again")
PATIENT = "Benchmark Patient (DEMO)"


class PaintWatch(QObject):
    """Notes the first paint event of a widget (a screen is painted whenever any of it is)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.painted = False
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False

    def stop(self) -> None:
        self._widget.removeEventFilter(self)


def press(app: QApplication, window: MainWindow, button: QPushButton) -> float:
    """Milliseconds from clicking ``button`` until the current screen's frame is painted.

    ``click()`` builds and shows the next screen without painting it, so the watch can be
    put on that screen afterwards and still see its first paint.
    """
    start = time.perf_counter()
    button.click()
    page = window.current_page()
    watch = PaintWatch(page)
    while not watch.painted:
        app.processEvents()
        if time.perf_counter() - start > TIMEOUT_S:
            raise RuntimeError(f"{page.objectName()} was not painted after {TIMEOUT_S} s")
    elapsed_ms = (time.perf_counter() - start) * 1000
    watch.stop()
    QTest.qWait(PAUSE_MS)
    return elapsed_ms


def walk(app: QApplication, window: MainWindow, record: dict[str, list[float]]) -> None:
    """Press Next from the first screen to the last, and Next step through each step."""
    next_button = window.findChild(QPushButton, "nextButton")
    assert next_button is not None, "the main window has no nextButton"
    for screen in window.content.screens[1:]:
        record.setdefault(screen.id, []).append(press(app, window, next_button))
        page = window.current_page()
        next_step = page.findChild(QPushButton, "nextStep")
        if next_step is None:
            continue
        rewind(page)
        step = 2
        while next_step.isEnabled():
            record.setdefault(f"{screen.id} step {step}", []).append(press(app, window, next_step))
            step += 1


def rewind(page: QWidget) -> None:
    """Back to step 1: a screen seen before still shows the step it was left at."""
    previous = page.findChild(QPushButton, "previousStep")
    assert previous is not None, f"{page.objectName()} has nextStep but no previousStep"
    while previous.isEnabled():
        previous.click()
    QTest.qWait(PAUSE_MS)


def measure_screen_changes(content: Content, clinic: ClinicSettings, runs: int) -> dict[str, Any]:
    app = prepare_application([])
    records: dict[str, dict[str, list[float]]] = {visit: {} for visit in VISITS}
    text_sizes: list[float] = []
    with TemporaryDirectory() as folder, RecordStore.in_folder(Path(folder)) as store:
        for _ in range(runs):
            window = create_main_window(content, clinic, store)
            window.show()
            QTest.qWaitForWindowExposed(window)
            # A session with a name in it is saved at every change, as in a real visit.
            window.session.set_details(patient_name=PATIENT)
            for visit in VISITS:
                window.go_to(0)
                QTest.qWait(PAUSE_MS)
                walk(app, window, records[visit])
            text_sizes.extend(change_text_size(app, window))
            window.close()
            window.deleteLater()
            QTest.qWait(PAUSE_MS)
    changes = [
        {"screen": screen, "visit": visit, **summary(samples)}
        for visit, record in records.items()
        for screen, samples in record.items()
    ]
    every = [
        sample for record in records.values() for samples in record.values() for sample in samples
    ]
    slowest = max(changes, key=lambda change: change["median"])
    return {
        "median_ms": summary(every)["median"],
        "worst_ms": max(every),
        "slowest_median_ms": slowest["median"],
        "slowest": f"{slowest['screen']} ({slowest['visit']} visit)",
        "changes_ms": changes,
        "text_size_ms": summary(text_sizes),
    }


def change_text_size(app: QApplication, window: MainWindow) -> list[float]:
    """A+ then A− on the last screen, each with every screen built (as late in a visit)."""
    timings = []
    for name in ("textBigger", "textSmaller"):
        for index in range(len(window.content.screens)):
            window.go_to(index)
            QTest.qWait(20)
        button = window.findChild(QPushButton, name)
        assert button is not None, f"the main window has no {name}"
        timings.append(press(app, window, button))
    return timings
