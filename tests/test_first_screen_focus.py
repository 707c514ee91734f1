"""The visit starts by typing the patient's name: the cursor is there when Counsel opens."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit

from counsel.ui.app import create_main_window, prepare_application, show_ready_to_type


def test_the_cursor_starts_in_the_patient_name_not_the_language_list(
    qtbot, content, clinic, store
) -> None:
    prepare_application([])
    window = create_main_window(content, clinic, store)
    qtbot.addWidget(window)
    show_ready_to_type(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit)
    assert focused.objectName() == "patientName"
    qtbot.keyClicks(focused, "Ana Ruiz")
    assert window.session.details.patient_name == "Ana Ruiz"
    assert window.findChild(QLineEdit, "patientName").hasFocus()
