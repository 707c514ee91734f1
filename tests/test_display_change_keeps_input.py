"""Changing the text size late in a visit is quick and loses nothing entered on any screen."""

from __future__ import annotations

from ink_helpers import find_pad, sign
from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit, QWidget
from ui_driver import child, click, type_into, type_text, walk_to_signatures

from counsel.core.content import ChecklistScreen, Content
from counsel.ui.display import Display


def test_a_larger_text_size_keeps_answers_signatures_and_a_half_written_question(
    qtbot, open_window, content: Content
) -> None:
    window = open_window()
    walk_to_signatures(qtbot, window, content)  # every screen built, answered and discussed
    signatures = window.current_page()
    sign(child(signatures, QWidget, "signer-patient"))
    window.go_to_screen("questions")
    draft = window.current_page()
    type_into(qtbot, draft, "questionInput", "Can I drive home?")
    type_text(child(draft, QPlainTextEdit, "answerInput"), "No: someone drives you.")
    checklist = next(s for s in content.screens if isinstance(s, ChecklistScreen))
    window.go_to_screen(checklist.id)
    before = window.current_page().font().pointSizeF()

    window.set_display(Display(scale=175))

    assert window.current_page().font().pointSizeF() > before
    item = checklist.items[0]
    answer = f"answer-{item.id}-{item.favourable}"
    assert child(window.current_page(), QAbstractButton, answer).isChecked()
    window.go_to_screen("questions")
    assert child(window.current_page(), QWidget, "questionInput").text() == "Can I drive home?"
    assert "Will I need to stay overnight?" in [q.question for q in window.session.questions]
    window.go_to_screen("signatures")
    pad = find_pad(child(window.current_page(), QWidget, "signer-patient"))
    assert pad.ink().strokes, "the patient's signature is still on the pad"
    assert window.current_page().font().pointSizeF() > before * 0.99
    window.set_display(Display())


def test_screens_out_of_view_show_the_new_size_when_next_seen(
    qtbot, open_window, content: Content
) -> None:
    window = open_window()
    for index in range(len(content.screens)):
        window.go_to(index)
    window.go_to(1)
    window.go_to(2)
    before = child(window.current_page(), QWidget, "screenTitle").font().pointSizeF()
    window.go_to(1)
    window.set_display(Display(scale=150))
    assert list(window.stack.pages) == [1], "only the screen in view is restyled at once"
    click(qtbot, window, "nextButton")
    assert child(window.current_page(), QWidget, "screenTitle").font().pointSizeF() > before
    window.set_display(Display())
