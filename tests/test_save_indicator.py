"""The clinician sees that typing is stored without being asked to save: "Saving…" beside the
records' place while the typing waits for a pause, "Saved" once it is in the store, and, when
a save fails, the failure banner (the indicator says "Not saved")."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit
from test_languages import choose_language
from ui_driver import child, click, drafts_written, type_text, typing_saved


def indicator(window) -> QLabel:
    found = window.findChild(QLabel, "saveIndicator")
    assert found is not None and found.isVisible()
    return found


def test_typing_shows_saving_then_saved_once_it_pauses(qtbot, open_window, store, content):
    window = open_window()
    assert indicator(window).text() == "Saved"
    type_text(child(window.current_page(), QLineEdit, "patientName"), "Ana Test-Patient")
    assert indicator(window).text() == "Saving…"
    typing_saved(qtbot, window)
    assert indicator(window).text() == "Saved"
    assert store.load(window.session.id, content).details.patient_name == "Ana Test-Patient"


def test_a_failed_save_says_not_saved_and_shows_the_banner(qtbot, open_window, store, monkeypatch):
    window = open_window()

    def failing(data: dict) -> None:
        raise OSError(28, "No space left on device")

    drafts_written(monkeypatch, instead=failing)
    type_text(child(window.current_page(), QLineEdit, "patientName"), "Ana")
    typing_saved(qtbot, window)
    assert indicator(window).text() == "Not saved"
    assert window.banner.isVisible() and "No space left" in window.banner.message.text()
    monkeypatch.undo()
    click(qtbot, window, "retrySave")
    qtbot.waitUntil(lambda: indicator(window).text() == "Saved")
    assert not window.banner.isVisible()


def test_it_speaks_spanish_after_switching(qtbot, open_window) -> None:
    window = open_window()
    choose_language(window, "es")
    assert indicator(window).text() == "Guardado"
    type_text(child(window.current_page(), QLineEdit, "patientName"), "Ana")
    assert indicator(window).text() == "Guardando…"
    typing_saved(qtbot, window)
    assert indicator(window).text() == "Guardado"
