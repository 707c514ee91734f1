"""Whatever is typed or ticked lives in the session and its saved record: Next, a new text
size, a crash (a resumed session) or a text-size change lose nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from ui_driver import child, click, type_text, typing_saved

from counsel.core.gaps import Gap
from counsel.core.rules import missing_signatures
from counsel.core.session import Session
from counsel.ui.display import Display
from counsel.ui.wrap_button import WrapButton


def open_kind(window, kind: str) -> None:
    window.go_to(next(i for i, s in enumerate(window.content.screens) if s.kind == kind))


def test_a_question_typed_but_not_added_survives_next_and_a_crash(
    qtbot, open_window, store, content
) -> None:
    window = open_window()
    open_kind(window, "questions")
    page = window.current_page()
    type_text(child(page, QLineEdit, "questionInput"), "Can I drive home?")
    child(page, QPlainTextEdit, "answerInput").setPlainText("No, someone should drive you.")
    click(qtbot, window, "nextButton")
    click(qtbot, window, "backButton")
    assert child(window.current_page(), QLineEdit, "questionInput").text() == "Can I drive home?"
    typing_saved(qtbot, window)  # written by the window's writer, on its own thread
    # the app stops here; the saved record has the typing
    reopened = store.load(window.session.id, content)
    assert reopened.draft("question") == "Can I drive home?"
    assert reopened.draft("answer") == "No, someone should drive you."
    again = open_window(lambda: reopened)
    open_kind(again, "questions")
    page = again.current_page()
    assert child(page, QLineEdit, "questionInput").text() == "Can I drive home?"
    click(qtbot, page, "addQuestion")
    assert [q.question for q in again.session.questions] == ["Can I drive home?"]
    assert again.session.drafts == {}


def test_a_witness_said_to_be_present_must_sign_and_stays_ticked(
    qtbot, open_window, content
) -> None:
    window = open_window(lambda: Session(content))
    open_kind(window, "signatures")
    click(qtbot, window.current_page(), "withWitness")
    assert "witness" in window.session.present
    gaps = missing_signatures(window.session)
    assert any(m.gap == Gap.SIGNATURE_MISSING and m.role == "witness" for m in gaps)
    window.set_display(Display(200))
    window.go_to(0)
    open_kind(window, "signatures")
    assert child(window.current_page(), WrapButton, "withWitness").isChecked()
    click(qtbot, window.current_page(), "withWitness")
    assert "witness" not in window.session.present
    assert not any(m.role == "witness" for m in missing_signatures(window.session))
