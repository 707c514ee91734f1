"""The Done screen saves the patient's take-home copy and notes it in the record's trail."""

from __future__ import annotations

from pdf_text import flat, page_texts
from PySide6.QtWidgets import QPushButton
from ui_driver import child, sign_all, walk_to_signatures


def test_the_done_screen_saves_the_take_home_copy(qtbot, open_window, content, tmp_path) -> None:
    window = open_window()
    walk_to_signatures(qtbot, window, content)
    sign_all(qtbot, window)
    page = window.current_page()
    assert child(page, QPushButton, "saveTakeHome").isVisible()
    assert child(page, QPushButton, "printTakeHome").isVisible()
    target = tmp_path / "take-home.pdf"
    page.save_take_home_to(target)
    text = flat("\n".join(page_texts(target.read_bytes())))
    assert "Your visit about" in text and "Zoë Nguyễn-Øberg" in text
    actions = [entry.action for entry in window.recorder.store.audit_trail(window.session.id)]
    assert actions[-1] == "pdf_exported"
