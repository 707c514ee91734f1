"""While the clinician goes through the screens, each next screen is built off screen as the
one in view is read. Nothing of it may appear as a window of its own, even for a moment: a
window manager would give it the keyboard, and what the clinician types then would be lost
(on the tests' offscreen platform, the window in use was left inactive, its shortcuts dead)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from ui_driver import walk_to_signatures


class WindowsShown(QObject):
    """The windows shown (their class names) while it watches the application."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.names.append(type(watched).__name__)
        return False


def test_going_through_every_screen_shows_no_other_window(qtbot, open_window, content) -> None:
    window = open_window()
    shown = WindowsShown()
    QApplication.instance().installEventFilter(shown)
    try:
        walk_to_signatures(qtbot, window, content)
        qtbot.wait(300)  # the screen after the signatures is built once they have painted
    finally:
        QApplication.instance().removeEventFilter(shown)
    assert shown.names == []
    assert QApplication.activeWindow() is window, "the window in use is still the active one"
