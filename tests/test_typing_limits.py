"""The window stops typing at each field's limit, with a counter before it: a long paste is
cut at the limit rather than refused, and what is kept reaches the session and its record."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget
from ui_driver import child, type_text, typing_saved

from counsel.core.text_limits import COUNTER_FROM, LIMITS


def open_kind(window, kind: str) -> None:
    window.go_to(next(i for i, s in enumerate(window.content.screens) if s.kind == kind))


def counter_below(edit: QWidget) -> QLabel:
    """The counter shown for ``edit``: the lengthCounter that follows it in its layout."""
    counters = edit.parentWidget().findChildren(QLabel, "lengthCounter")
    below = [c for c in counters if c.isVisible()]
    assert len(below) == 1, "exactly one counter is showing"
    return below[0]


def test_a_name_field_stops_at_its_limit_and_counts_before_it(qtbot, open_window, store, content):
    window = open_window()
    name = child(window.current_page(), QLineEdit, "patientName")
    limit = LIMITS["patient_name"].chars
    type_text(name, "Ana ")
    assert not any(c.isVisible() for c in window.findChildren(QLabel, "lengthCounter"))
    near = int(COUNTER_FROM * limit)
    type_text(name, "x" * (near - len(name.text())))
    assert counter_below(name).text() == f"{near} of {limit} characters"
    QApplication.clipboard().setText("y" * 5000)
    name.paste()
    assert len(name.text()) == limit
    assert "no more fit" in counter_below(name).text()
    assert window.session.details.patient_name == name.text()
    typing_saved(qtbot, window)
    assert store.load(window.session.id, content).details.patient_name == name.text()


def test_a_pasted_answer_is_cut_at_the_limit_and_kept(qtbot, open_window, store, content):
    window = open_window()
    open_kind(window, "questions")
    page = window.current_page()
    answer = child(page, QPlainTextEdit, "answerInput")
    limit = LIMITS["answer"].chars
    QApplication.clipboard().setText("Rest a day. " * 1000)
    answer.paste()
    assert len(answer.toPlainText()) == limit
    assert "no more fit" in counter_below(answer).text()
    assert window.session.draft("answer") == answer.toPlainText()
    typing_saved(qtbot, window)
    assert store.load(window.session.id, content).draft("answer") == answer.toPlainText()


def test_signer_names_are_limited_in_the_window(open_window):
    window = open_window()
    open_kind(window, "signatures")
    for edit in window.current_page().findChildren(QLineEdit, "signerName"):
        assert edit.maxLength() == LIMITS["signer_name"].chars
