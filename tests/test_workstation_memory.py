"""The clinician is offered again on the next session at this computer; quitting mid-session
asks first and leaves the session to be resumed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from ui_driver import answer_next_confirmation, child, click, type_into

from counsel.core.session import Session


def test_the_last_clinician_is_offered_on_the_next_session(qtbot, open_window, content) -> None:
    window = open_window()
    page = window.current_page()
    assert not child(page, object, "sameClinician").isVisible(), "nobody to offer yet"
    type_into(qtbot, page, "clinicianName", "Dr. Test Ríos")
    type_into(qtbot, page, "clinicianCredentials", "DO")
    window.start(Session(content))  # the next patient
    page = window.current_page()
    offer = child(page, object, "sameClinician")
    assert offer.isVisible() and "Dr. Test Ríos, DO" in offer.text()
    click(qtbot, page, "sameClinician")
    assert window.session.details.clinician_name == "Dr. Test Ríos"
    assert window.session.details.clinician_credentials == "DO"
    assert child(page, QLineEdit, "clinicianName").text() == "Dr. Test Ríos"
    assert not offer.isVisible()


def test_quitting_mid_session_asks_and_the_session_can_be_resumed(
    qtbot, open_window, store
) -> None:
    window = open_window()
    type_into(qtbot, window.current_page(), "patientName", "Test Patient")
    asked = answer_next_confirmation(Qt.Key.Key_Escape)  # Keep working
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked and "saved" in asked[0]
    assert window.isVisible()
    window.activateWindow()  # back from the question box
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    answer_next_confirmation(button="Quit")
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert store.unfinished() == window.session.id
