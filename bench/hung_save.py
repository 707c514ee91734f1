"""The window while its record store hangs: this computer's SQLite file locked by another
program, and (where PostgreSQL is installed) the clinic server stopped with SIGSTOP, as a
silent network or a stuck server leaves it. While a save waits, the clinician types and clicks
(each saved, or waiting to be); a heartbeat timer every few milliseconds on the window's thread
gives the longest the window went without answering (its event loop not running). The same
visit with the store answering is measured too, as the baseline."""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from counsel.core.content import ClinicSettings, Content
from counsel.core.record_store import RecordStore
from counsel.core.store_location import StoreLocation, open_store
from counsel.ui.app import create_main_window, prepare_application
from counsel.ui.main_window import MainWindow

HEARTBEAT_MS = 5
SETTLE_S = 30  # how long a store that answers again may take to store everything


class Heartbeat:
    """The longest gap between beats of a timer on the window's thread."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000 - HEARTBEAT_MS)
        self._last = now

    def stop(self) -> float:
        self._timer.stop()
        return self.longest_ms


def _visit_while_hung(window: MainWindow) -> float:
    """Type (a letter at a time, saved at each pause) and mark screens discussed (a click,
    saved at once), each save hanging or waiting behind the one that hangs; the longest
    stall, in ms. Screen changes are left out: their cost is measured on its own."""
    heartbeat = Heartbeat()
    screens = [screen.id for screen in window.content.screens[:3]]
    for number in range(6):
        for length in range(1, 6):
            window.session.set_details(record_number=f"R-{number}-ABCDE"[: 4 + length])
            QTest.qWait(HEARTBEAT_MS * 3)
        window.saving.flush()  # the pause in the typing
        window.session.mark_discussed(screens[number % 3], number % 2 == 0)
        QTest.qWait(60)
    assert window.recorder is not None and window.recorder.writing, "the store did not hang"
    return heartbeat.stop()


def _wait_saved(window: MainWindow) -> None:
    deadline = time.monotonic() + SETTLE_S
    while window.recorder is not None and window.recorder.saving:
        if time.monotonic() > deadline:
            raise RuntimeError("the store answered again but the session was not stored")
        QTest.qWait(20)


def _stall_while(store: Any, clinic: ClinicSettings, content: Content, hang: Any) -> float:
    """The longest stall of a window over ``store`` while ``hang`` (a context) holds it."""
    window = create_main_window(content, clinic, store)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.session.set_details(patient_name="Bench Colgado")
    for screen in (2, 1, 0):  # built once, before: building a screen is not saving
        window.go_to(screen)
    _wait_saved(window)
    with hang():
        stall = _visit_while_hung(window)
    _wait_saved(window)
    window.close()
    window.deleteLater()
    return stall


def _locked_sqlite(content: Content, clinic: ClinicSettings) -> float:
    with TemporaryDirectory() as folder, RecordStore.in_folder(Path(folder)) as store:

        @contextmanager
        def locked() -> Iterator[None]:
            other = sqlite3.connect(store.path, isolation_level=None)
            other.execute("BEGIN EXCLUSIVE")
            try:
                yield
            finally:
                other.execute("ROLLBACK")
                other.close()

        return _stall_while(store, clinic, content, locked)


def _hung_server(content: Content, clinic: ClinicSettings) -> float | None:
    """None where no PostgreSQL server can be started here."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from postgres_server import PostgresServer, ServerNotStarted

    try:
        server = PostgresServer().start()
    except ServerNotStarted:
        return None
    try:
        with TemporaryDirectory() as folder:
            location = StoreLocation(Path(folder), server.new_database())
            with open_store(location, clinic=clinic.name) as store:

                @contextmanager
                def hung() -> Iterator[None]:
                    server.hang()
                    try:
                        yield
                    finally:
                        server.wake()

                return _stall_while(store, clinic, content, hung)
    finally:
        with suppress(Exception):
            server.stop()


def measure_hung_save(content: Content, clinic: ClinicSettings) -> dict[str, Any]:
    prepare_application([])
    measured: dict[str, Callable[[Content, ClinicSettings], float | None]] = {
        "sqlite_locked_ms": _locked_sqlite,
        "server_hung_ms": _hung_server,
    }
    results = {name: measure(content, clinic) for name, measure in measured.items()}
    figures = [value for value in results.values() if value is not None]
    return {**results, "longest_ms": max(figures)}
