"""Typing costs one save, not one per letter: a 40-character name is written to the store once
the typing pauses, or at once on Next, another window, quitting, the records list or signing.
A killed app loses at most what was typed since the last pause (counted, never timed)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from test_record_store import FAKE_PDF
from ui_driver import child, click, drafts_written, type_text, typing_saved

from counsel.core.audit_chain import canonical_json
from counsel.core.demo import demo_session
from counsel.core.session_recorder import SessionRecorder
from counsel.ui.save_status import SaveState

NAME = "Maria Fernanda Test-Patient Oyelaran-Ngo"  # 40 characters, a letter at a time
assert len(NAME) == 40


def session_bytes(drafts: list[dict]) -> list[int]:
    """The session bytes each draft save wrote, one entry per save."""
    return [len(canonical_json(data)) for data in drafts]


def test_a_typed_name_is_written_once_when_the_typing_pauses(
    qtbot, open_window, store, content, monkeypatch
) -> None:
    window = open_window()
    written = drafts_written(monkeypatch)
    type_text(child(window.current_page(), QLineEdit, "patientName"), NAME)
    assert written == [], "nothing is written while the letters come"
    assert window.saving.state is SaveState.SAVING
    typing_saved(qtbot, window)
    assert window.saving.state is SaveState.SAVED
    assert len(written) == 1, "one write for forty letters"
    one_session = session_bytes(written)[0]
    assert (
        sum(session_bytes(written)) == one_session
    )  # before: forty writes, about 40 x this many bytes
    assert store.load(window.session.id, content).details.patient_name == NAME


def _another_window_takes_focus(qtbot, window) -> None:
    other = QWidget()
    qtbot.addWidget(other)
    other.resize(200, 200)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not window, timeout=2000)


# Each way the window stores the typing at once, without waiting for the pause.
FLUSHES = {
    "next": lambda qtbot, window: click(qtbot, window, "nextButton"),
    "another window": _another_window_takes_focus,
    "the records list": lambda qtbot, window: window.show_records().close(),
    "quitting": lambda qtbot, window: window.close(),
    "a new session": lambda qtbot, window: window.start_new(),
}


@pytest.mark.parametrize("flush", list(FLUSHES))
def test_typing_is_written_at_once_when_the_clinician_moves_on(
    qtbot, open_window, store, content, monkeypatch, flush: str
) -> None:
    window = open_window()
    session = window.session
    monkeypatch.setattr(window.recorder, "save_later", lambda: None)  # no pause ever comes
    written = drafts_written(monkeypatch)
    type_text(child(window.current_page(), QLineEdit, "patientName"), NAME)
    assert written == []
    FLUSHES[flush](qtbot, window)
    qtbot.waitUntil(lambda: len(written) == 1 and not window.recorder.writing)
    assert store.load(session.id, content).details.patient_name == NAME
    assert len(written) == 1, "moving on writes the typing with the move, once"


def test_signing_stores_what_was_typed_last(store, content, clinic) -> None:
    session = demo_session(content, seal=False)
    recorder = SessionRecorder(store, session, clinic, lambda *_: FAKE_PDF, save_later=lambda: None)
    session.set_details(record_number="TEST-LAST-TYPED")
    assert recorder.held_back
    recorder.sign()
    assert recorder.is_stored_signed
    stored = store.load(session.id, content)
    assert stored.is_sealed and stored.details.record_number == "TEST-LAST-TYPED"


def test_a_failed_save_of_typing_shows_its_banner(qtbot, open_window, store, monkeypatch) -> None:
    window = open_window()

    def failing(data: dict) -> None:
        raise OSError(28, "No space left on device")

    drafts_written(monkeypatch, instead=failing)
    type_text(child(window.current_page(), QLineEdit, "patientName"), NAME)
    typing_saved(qtbot, window)
    assert window.saving.state is SaveState.FAILED
    assert window.banner.isVisible() and "No space left" in window.banner.message.text()
    monkeypatch.undo()
    click(qtbot, window, "retrySave")
    qtbot.waitUntil(lambda: window.saving.state is SaveState.SAVED)
    assert not window.banner.isVisible()


# The app in its own process: types, pauses (its save made), types more, and is killed
# before the next pause.
TYPIST = """
import sys, time
from PySide6.QtCore import QEvent, QEventLoop, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit
from counsel.core.content_loader import load_clinic, load_content
from counsel.core.record_store import RecordStore
from counsel.settings import data_dir
from counsel.ui.app import create_main_window, prepare_application

app = prepare_application([])
window = create_main_window(load_content("en"), load_clinic(), RecordStore.in_folder(data_dir()))
window.show()
field = window.current_page().findChild(QLineEdit, "patientName")

def type_text(text):
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            app.sendEvent(field, key)

type_text(sys.argv[1])
while window.recorder.saving:  # the clinician pauses: the pause timer saves
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
print("saved", window.session.id, flush=True)
type_text(sys.argv[2])
print("typed", flush=True)
time.sleep(120)  # killed here, before the event loop could run the pause timer
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_app_loses_only_what_was_typed_since_the_last_pause(
    store, content, private_data_dir
) -> None:
    before_pause, after_pause = NAME[:20], NAME[20:]
    typist = subprocess.Popen(
        [sys.executable, "-c", TYPIST, before_pause, after_pause],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert typist.stdout is not None
    saved = typist.stdout.readline().split()
    assert saved[0] == "saved", "the typist saved at its pause"
    assert typist.stdout.readline().strip() == "typed"
    os.kill(typist.pid, signal.SIGKILL)
    typist.wait(timeout=30)
    stored = store.load(saved[1], content)
    assert stored.details.patient_name == before_pause, "all typed before the pause is kept"
