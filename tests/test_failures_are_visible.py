"""When the disk fills up, the window says so and offers Retry; work goes on and nothing
typed is lost; once there is space again, Retry saves it all. A real full file system."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit
from ui_driver import child, click, type_text, typing_saved


def test_a_full_disk_shows_a_banner_with_retry_and_loses_nothing(
    qtbot, full_disk, open_window, store, content
) -> None:
    window = open_window()
    banner = window.findChild(QLabel, "failureMessage")
    name = child(window.current_page(), QLineEdit, "patientName")
    type_text(name, "Ana")
    typing_saved(qtbot, window)
    assert not banner.isVisible()
    full_disk.fill()
    type_text(name, " Test-Patient")
    typing_saved(qtbot, window)
    assert banner.isVisible(), "a failed save is never silent"
    assert "full" in banner.text() or "space" in banner.text()
    assert window.session.details.patient_name == "Ana Test-Patient"
    click(qtbot, window, "nextButton")  # the window goes on working
    assert window.index == 1 and window.sidebar.state_of(window.session, 0) == "seen"
    assert banner.isVisible(), "the banner stays until saving works"
    click(qtbot, window, "retrySave")
    typing_saved(qtbot, window)  # tried again, on the writer's thread
    assert banner.isVisible(), "still full: still failing"
    full_disk.free()
    click(qtbot, window, "retrySave")
    qtbot.waitUntil(lambda: not banner.isVisible())
    assert store.load(window.session.id, content).details.patient_name == "Ana Test-Patient"
