"""The main window's keyboard shortcuts and its Session menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut

if TYPE_CHECKING:
    from counsel.ui.main_window import MainWindow


def add_shortcuts(window: MainWindow) -> None:
    for keys, action in (
        ("Alt+Right", lambda: window.go_to(window.index + 1)),
        ("Alt+Left", lambda: window.go_to(window.index - 1)),
        ("Ctrl+PgDown", lambda: window.go_to(window.index + 1)),
        ("Ctrl+PgUp", lambda: window.go_to(window.index - 1)),
        ("Ctrl+D", window.toggle_discussed_key),
        ("Ctrl+Shift+R", lambda: window.read_controls.play.click()),
        ("Ctrl+Shift+P", lambda: window.set_presenting(not window.presenting)),
        ("Ctrl++", lambda: window.set_display(window.display.bigger())),
        ("Ctrl+=", lambda: window.set_display(window.display.bigger())),
        ("Ctrl+-", lambda: window.set_display(window.display.smaller())),
    ):
        QShortcut(QKeySequence(keys), window).activated.connect(action)


def add_menus(window: MainWindow) -> None:
    """Menu words are translated in the main window's context (``window.tr``)."""
    menu = window.menuBar().addMenu(window.tr("&Session"))
    new = menu.addAction(window.tr("&New session"), window.start_new)
    new.setShortcut(QKeySequence.StandardKey.New)
    records = menu.addAction(window.tr("&Records…"), window.show_records)
    records.setShortcut(QKeySequence("Ctrl+R"))
    menu.addAction(
        window.tr("&Presentation mode (Ctrl+Shift+P to return)"),
        lambda: window.set_presenting(True),
    )
    menu.addSeparator()
    quit_action = menu.addAction(window.tr("&Quit"), window.quit_asking)
    quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    quit_action.setShortcuts(quit_keys or [QKeySequence("Ctrl+Q")])  # none on some desktops
