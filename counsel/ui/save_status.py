"""Whether the session on screen is saved, in one place: the failure banner and the Done
screen subscribe to ``changed`` and read the state here, and typing's saves wait here for a
pause in the typing.

Each save writes the whole session, so saving every letter of a name costs a name's length in
saves. The recorder holds typing back and this model saves it once the typing pauses (at the
latest a couple of seconds into steady typing); every other change (Next, Back, a click) saves
at once, typing included, and the window flushes on sign, quit and losing focus. A crash (the
process killed) can lose at most the typing of the last pause window.
"""

from __future__ import annotations

from enum import Enum

import shiboken6
from PySide6.QtCore import QDeadlineTimer, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from counsel.core.session_recorder import SessionRecorder
from counsel.ui.reconnect import Reconnect

TYPING_PAUSE_MS = 400  # typing that stops this long is saved
LONGEST_UNSAVED_MS = 2000  # steady typing is saved at least this often
#: At quit, how long a write under way is waited for before the session is kept on this
#: computer instead (a server that hangs); a write to this computer's file is waited for up
#: to its own limit (SQLite's busy timeout, 10 s), since it has nowhere else to go.
QUIT_WAIT_MS = 3000
LOCAL_QUIT_WAIT_MS = 15_000
#: How long the records list waits for the write under way, so it lists what is on screen.
LIST_WAIT_MS = 2000


class SaveState(Enum):
    SAVED = "saved"  # the store holds everything on screen
    SAVING = "saving"  # typing waits for a pause, a write is under way, or signing
    FAILED = "failed"  # the last save failed (the failure banner offers Retry)


class SaveStatus(QObject):
    """The recorder of the session on screen, its saving state, and the typing pause timer."""

    changed = Signal()  # the state changed, or signing ended (read ``recorder`` for how)

    def __init__(
        self, recorder: SessionRecorder | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.recorder: SessionRecorder | None = None
        self._pause = self._timer(TYPING_PAUSE_MS)
        self._longest = self._timer(LONGEST_UNSAVED_MS)
        self.reconnect = Reconnect(self)  # asks a records server that stopped answering
        if recorder is not None:
            self.follow(recorder)

    def _timer(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.flush)
        return timer

    def follow(self, recorder: SessionRecorder) -> None:
        """Show ``recorder``'s state from now on (a new session brings a new recorder)."""
        self.recorder = recorder
        recorder.save_later = self.save_later
        recorder.watch(self._recorder_changed)
        self.changed.emit()

    def save_later(self) -> None:
        """Typing: saved once it pauses, or once it has gone on for a while unsaved."""
        self._pause.start()
        if not self._longest.isActive():
            self._longest.start()

    def flush(self) -> None:
        """Save now whatever typing is held back."""
        self._pause.stop()
        self._longest.stop()
        if self.recorder is not None:
            self.recorder.flush()

    @property
    def state(self) -> SaveState:
        recorder = self.recorder
        if recorder is None:
            return SaveState.SAVED
        if recorder.failure is not None:
            return SaveState.FAILED
        if recorder.saving:
            return SaveState.SAVING
        return SaveState.SAVED

    def finish_writing(self, parent: QWidget) -> None:
        """Before the window closes: wait for the write under way and for a record being
        signed (its PDF, then its write), saying so, however long a write to this computer
        takes, and up to ``QUIT_WAIT_MS`` for the clinic server: a server that does not
        answer by then leaves the session kept on this computer, stored there and offered to
        resume at the next start."""
        recorder = self.recorder
        if recorder is None or not recorder.saving or recorder.left:
            return
        dialog = QProgressDialog(self.tr("Saving the session…"), "", 0, 0, parent)
        dialog.setObjectName("savingAtQuit")
        dialog.setWindowTitle(self.tr("Saving"))
        dialog.setCancelButton(None)
        dialog.show()
        limit = QUIT_WAIT_MS if recorder.pending is not None else LOCAL_QUIT_WAIT_MS
        self.wait_for_writes(limit, signing=True)
        dialog.reset()  # hidden, and its own timer stopped: it never shows itself again
        dialog.deleteLater()
        if recorder.writing:
            recorder.leave_here()

    def wait_for_writes(self, at_most_ms: int, signing: bool = False) -> bool:
        """Let the write under way end (with ``signing``, a record being signed too; the
        window goes on painting meanwhile), for at most ``at_most_ms``; whether it did."""
        recorder = self.recorder

        def busy() -> bool:
            return recorder is not None and (recorder.saving if signing else recorder.writing)

        deadline = QDeadlineTimer(at_most_ms)
        loop = QEventLoop()
        self.changed.connect(loop.quit)
        timer = QTimer(loop)
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        while busy() and not deadline.hasExpired():
            timer.start(max(1, deadline.remainingTime()))  # again: a timer may fire early
            loop.exec()
        self.changed.disconnect(loop.quit)
        return not busy()

    def _recorder_changed(self) -> None:
        """Unless the window (and this) is already gone when a background build finishes."""
        if shiboken6.isValid(self):
            self.changed.emit()
