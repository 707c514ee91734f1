"""The Done screen saves the patient's take-home copy and notes it in the record's trail."""

from __future__ import annotations

from pdf_text import flat, page_texts
from PySide6.QtWidgets import QPushButton
from ui_driver import child, sign_all, typing_saved, walk_to_signatures

from counsel.core.content_loader import load_content
from counsel.core.demo import demo_session


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
    typing_saved(qtbot, window)  # the trail's entry is written by the window's writer
    actions = [entry.action for entry in window.recorder.store.audit_trail(window.session.id)]
    assert actions[-1] == "pdf_exported"


def test_a_visit_in_spanish_takes_home_a_bilingual_copy(
    qtbot, open_window, content, tmp_path
) -> None:
    """Counseled in Spanish at an English-speaking clinic: the copy is in Spanish first,
    with the English under it for the family and the clinic's staff."""
    window = open_window(lambda: demo_session(content, seal=False))
    window.change_language("es")
    window.recorder.sign()
    qtbot.waitUntil(lambda: window.recorder.is_stored_signed, timeout=30000)
    window.go_to(next(i for i, s in enumerate(window.content.screens) if s.kind == "done"))
    target = tmp_path / "take-home.pdf"
    window.current_page().save_take_home_to(target)
    text = flat("\n".join(page_texts(target.read_bytes())))
    spanish, english = (load_content(language).document for language in ("es", "en"))
    assert spanish is not None and english is not None
    assert text.index(flat(spanish.label("learned"))) < text.index(flat(english.label("learned")))
