"""Finding the clinic's records server again after it stopped answering, without freezing the
window: while the session on screen waits for the server (it is kept on this computer
meanwhile), the server is asked every ``RECONNECT_EVERY_MS``, or at once when the user presses
Retry, on a worker thread of its own (a server that does not answer can take the connect
timeout, ``store_server.CONNECT_TIMEOUT_S``, to say so). Only once it has answered there does
the recorder store the session (and the others kept here), through the window's writer, on
the writer's own thread, after any write under way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer

from counsel.ui.background import run_in_background

if TYPE_CHECKING:
    from counsel.core.store_location import ServerDatabase
    from counsel.ui.save_status import SaveStatus

RECONNECT_EVERY_MS = 20_000  # a server back after a restart is found within this


def _ask(database: Path | ServerDatabase) -> None:
    """Raises ``StoreUnavailable`` unless the server answers (only a server store waits)."""
    from counsel.core.store_location import ServerDatabase
    from counsel.core.store_server import reach  # psycopg: loaded only for a server store

    assert isinstance(database, ServerDatabase)
    reach(database)


class Reconnect(QObject):
    """Follows ``status``'s recorder: asks the server while the recorder waits for it."""

    def __init__(self, status: SaveStatus) -> None:
        super().__init__(status)
        self.status = status
        self.asking = False  # a question to the server is under way on the worker thread
        self._then: list[Callable[[], None]] = []
        self.timer = QTimer(self)
        self.timer.setInterval(RECONNECT_EVERY_MS)
        self.timer.timeout.connect(self.now)
        status.changed.connect(self._status_changed)

    def _status_changed(self) -> None:
        recorder = self.status.recorder
        waiting = recorder is not None and recorder.waiting_for_server
        if not waiting:
            self.timer.stop()
        elif not self.timer.isActive():
            self.timer.start()

    def now(self, then: Callable[[], None] | None = None) -> None:
        """Ask the server now (unless a question is under way); once it answers, store the
        session there, then call ``then`` (signing, when that was waiting)."""
        recorder = self.status.recorder
        if recorder is None:
            return
        if not recorder.waiting_for_server:
            if then is not None:
                then()
            return
        if then is not None:
            self._then.append(then)
        if not self.asking:
            self.asking = True
            self.ask(recorder.store.database, self._answered)

    def ask(self, database: Path | ServerDatabase, done: Callable[[object], None]) -> None:
        """Whether the server answers, asked on the worker thread; ``done(None)`` if it
        does, else ``done(the error)``, on the window's thread, unless the window is gone."""

        def deliver(result: object) -> None:
            if shiboken6.isValid(self):
                done(result)

        run_in_background(lambda: _ask(database), deliver, lane="server")

    def _answered(self, result: object) -> None:
        self.asking = False
        then, self._then = self._then, []
        recorder = self.status.recorder
        if isinstance(result, Exception) or recorder is None:
            return  # still away: the timer, or Retry, asks again

        def go_on() -> None:
            for step in then:
                step()

        if recorder.waiting_for_server:
            recorder.retry(go_on)  # called once the session is stored
        else:
            go_on()
