"""Signing takes about a second (the record and its PDF are stored): the patient sees why."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton
from ui_driver import child, sign_all, walk_to_signatures

from counsel.core.content import Content


def test_while_the_record_is_saved_the_button_says_so_and_the_pointer_waits(
    qtbot, open_window, content: Content
) -> None:
    window = open_window()
    walk_to_signatures(qtbot, window, content)
    button = child(window.current_page(), QPushButton, "signAndFinish")
    seen = []

    def at_sealing(what: str) -> None:
        if window.session.is_sealed:
            seen.append((button.text(), QApplication.overrideCursor() is not None))

    window.session.subscribe(at_sealing)
    sign_all(qtbot, window)
    assert window.session.is_sealed
    assert seen and seen[0] == ("Saving the signed record…", True)
    assert QApplication.overrideCursor() is None, "the pointer is back to normal"
    assert button.text() == "Sign and finish"
